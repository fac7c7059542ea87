/** Console paths (relative to the router basename '/admin') and the permission each needs. */
import type { MeDto, Permission } from '@xj/contracts';

export const PATHS = {
  login: '/login',
  changePassword: '/change-password',
  cockpit: '/cockpit',
  cockpitScreen: '/cockpit/screen',
  search: '/search',
  tree: '/tree',
  people: '/people',
  peopleImport: '/people/import',
  partyMembers: '/party-members',
  branchSecretaries: '/branch-secretaries',
  stewards: '/stewards',
  ownersCommittees: '/owners-committees',
  propertyCompanies: '/property-companies',
  redShops: '/red-shops',
  gigWorkers: '/gig-workers',
  commissioners: '/commissioners',
  deputies: '/deputies',
  socialOrgs: '/social-orgs',
  tickets: '/tickets',
  myTickets: '/my-tickets',
  ticketRates: '/ticket-rates',
  receptionDays: '/reception-days',
  consultTopics: '/consultations/topics',
  consultAgenda: '/consultations/agenda',
  consultOffices: '/consultations/offices',
  consultStats: '/consultations/stats',
  volRegistrations: '/volunteers/registrations',
  volWorkplaceOrgs: '/volunteers/workplace-orgs',
  volMembers: '/volunteers/members',
  volActivities: '/volunteers/activities',
  pointRules: '/points/rules',
  pointLedger: '/points/ledger',
  pointLeaderboard: '/points/leaderboard',
  pointRedemptions: '/points/redemptions',
  ratingPeriods: '/property-ratings/periods',
  ratingScoring: '/property-ratings/scoring',
  ratingCompanies: '/property-ratings/companies',
  ratingRectifications: '/property-ratings/rectifications',
  ratingInspections: '/property-ratings/inspections',
  ratingSchemes: '/property-ratings/schemes',
  workers: '/workers',
  workersImport: '/workers/import',
  workerPayScheme: '/workers/pay-scheme',
  workerPaySheets: '/workers/pay-sheets',
  workerPromotions: '/workers/promotions',
  workerAssessments: '/workers/assessments',
  workerTraining: '/workers/training',
  contests: '/secretary-contests',
  contestQuestions: '/secretary-contests/questions',
  redStations: '/red-stations',
  serviceRooms: '/service-rooms',
  fundingBudgets: '/funding/budgets',
  fundingDisbursements: '/funding/disbursements',
  fundingReport: '/funding/report',
  innovation: '/innovation',
  innovationSubmissions: '/innovation/submissions',
  cadreOpinions: '/cadre-opinions',
  cadreOpinionStats: '/cadre-opinions/stats',
  users: '/users',
  open311Keys: '/open311-keys',
  ticketSettings: '/ticket-settings',
  audit: '/audit',
  account: '/account',
} as const;

export const personPath = (id: number) => `${PATHS.people}/${id}`;
export const ticketPath = (id: number) => `${PATHS.tickets}/${id}`;
export const topicPath = (id: number) => `${PATHS.consultTopics}/${id}`;
export const activityPath = (id: number) => `${PATHS.volActivities}/${id}`;
export const ratingPeriodPath = (id: number) => `${PATHS.ratingPeriods}/${id}`;
export const workerPath = (id: number) => `${PATHS.workers}/${id}`;
export const workerPaySheetPath = (id: number) => `${PATHS.workerPaySheets}/${id}`;
export const workerAssessmentPath = (id: number) => `${PATHS.workerAssessments}/${id}`;
export const contestPath = (id: number) => `${PATHS.contests}/${id}`;
export const contestJudgePath = (id: number) => `${PATHS.contests}/${id}/judge`;
export const contestTestPath = (id: number) => `${PATHS.contests}/${id}/test`;
export const contestMedalsPath = (workerId: number) => `${PATHS.contests}/medals/${workerId}`;
export const redStationPath = (id: number) => `${PATHS.redStations}/${id}`;
export const serviceRoomPath = (id: number) => `${PATHS.serviceRooms}/${id}`;
export const innovationPath = (id: number) => `${PATHS.innovation}/${id}`;
export const cadreOpinionPath = (id: number) => `${PATHS.cadreOpinions}/${id}`;
export const pointLedgerPath = (personId: number) => `${PATHS.pointLedger}/${personId}`;

/** Pages in landing-page preference order. */
const LANDING: { path: string; permission: Permission }[] = [
  { path: PATHS.cockpit, permission: 'cockpit.read' },
  { path: PATHS.tree, permission: 'nodes.read' },
  { path: PATHS.users, permission: 'users.read' },
  { path: PATHS.audit, permission: 'audit.read' },
];

export function landingPath(me: MeDto | null): string {
  if (!me) return PATHS.login;
  return LANDING.find((p) => me.permissions.includes(p.permission))?.path ?? PATHS.account;
}
