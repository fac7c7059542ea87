/**
 * The central permission list. Every route declares one of these (or `public` /
 * `authenticated`); roles are bundles of permissions granted at a node of the tree.
 */
export const PERMISSIONS = [
  'nodes.read',
  'nodes.write',
  'partyOrgs.read',
  'partyOrgs.write',
  'users.read',
  'users.manage',
  'audit.read',
  'cockpit.read',
  'people.read',
  'people.write',
  'people.unmask',
  'orgs.read',
  'orgs.write',
  'tickets.read',
  'tickets.report',
  'tickets.handle',
  'tickets.confirm',
  'tickets.manage',
  'tickets.unmask',
  'tickets.configure',
  'open311.manage',
  // Consultation (商量): read topics and offices; raise a topic; run topics (screen, steps, records) and offices; the county's agenda scope.
  'consultations.read',
  'consultations.raise',
  'consultations.manage',
  'consultations.configure',
  // Dual registration (双报到) and volunteer activities: read; approve registrations, publish and run activities.
  'volunteers.read',
  'volunteers.manage',
  // Points (积分): read ledgers and redemptions; corrections (reversing entries); the county's earning rules.
  'points.read',
  'points.manage',
  'points.configure',
  // Cadre opinions (干部征求意见): the organisation department asks; the cadre's home branch answers.
  'cadreOpinions.request',
  'cadreOpinions.answer',
  // Four-colour property assessment (四色管理考核): read results; the county's scheme; open, close and remind periods;
  // score as a source (a grant at a compound scores for the branch, above it for the regulator); review and publish.
  'ratings.read',
  'ratings.configure',
  'ratings.manage',
  'ratings.score',
  'ratings.publish',
  // Community workers (社区工作者, 三岗十八级): read the registry, pay sheets, assessments and training; keep them (the community and above);
  // the county's pay scheme, promotion rules and training requirement, locking pay sheets and applying promotions.
  'workers.read',
  'workers.manage',
  'workers.configure',
  // The monthly secretary contest (擂台比武): read contests and results (judges and contestants act through per-contest
  // appointment and their community grant); the county creates contests, keeps the question bank, closes and rewards.
  'contest.read',
  'contest.manage',
  // Judge scoring (the user must also be appointed to that contest) and taking the knowledge test (the user's
  // community_secretary grant must match a contestant).
  'contest.score',
  'contest.answer',
  // Red stations (红色驿站) and public service rooms (公共服务用房): read the registries; keep them and record their use.
  'stations.read',
  'stations.manage',
  // Funding (经费保障): read budgets and disbursements; keep budget lines and request disbursements; approve or reject them
  // (never one's own request).
  'funding.read',
  'funding.manage',
  'funding.approve',
  // Innovation (创新创效): read the published case library; units submit their practices; the county reviews and publishes.
  'innovation.read',
  'innovation.submit',
  'innovation.review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Route access declarations beyond named permissions. `signed`: a machine caller (the 12345
 * hotline) without a session, and so without a CSRF token; the route's own hook authenticates
 * each request by its signature and refuses anything else with 401. `resident`: a resident
 * who verified a phone number (resident session cookie, no staff account); 401 otherwise.
 */
export type RouteAccess = Permission | 'public' | 'authenticated' | 'signed' | 'resident';

export const ROLES = [
  'county_admin',
  'subdistrict_admin',
  'community_secretary',
  'branch_secretary',
  'commissioner',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  county_admin: [
    'nodes.read', 'nodes.write', 'partyOrgs.read', 'partyOrgs.write', 'users.read', 'users.manage', 'cockpit.read',
    'people.read', 'people.write', 'people.unmask', 'orgs.read', 'orgs.write', 'tickets.read', 'tickets.report', 'tickets.manage',
    'tickets.unmask',
    // Ticket categories and the holiday calendar set every deadline in the county.
    'tickets.configure',
    // Open311 keys let an outside system file tickets anywhere in the county: a county matter.
    'open311.manage',
    // 七议五不议 is the county's rule: only the county changes the agenda scope.
    'consultations.read', 'consultations.raise', 'consultations.manage', 'consultations.configure',
    // Earning rules value every kind of service across the county.
    'volunteers.read', 'volunteers.manage', 'points.read', 'points.manage', 'points.configure',
    // The county organisation department asks compound branches about cadres who live there.
    'cadreOpinions.request',
    // The assessment scheme is the county's rule; the county may also open periods and publish.
    'ratings.read', 'ratings.configure', 'ratings.manage', 'ratings.publish',
    // The 三岗十八级 pay scheme and the community-worker measures are the county's.
    'workers.read', 'workers.manage', 'workers.configure',
    // The county runs the monthly secretary contest (擂台比武) and its question bank.
    'contest.read', 'contest.manage', 'contest.score',
    // Safeguards: the county keeps every station, budget and case, approves disbursements and publishes innovations.
    'stations.read', 'stations.manage', 'funding.read', 'funding.manage', 'funding.approve',
    'innovation.read', 'innovation.submit', 'innovation.review',
  ],
  subdistrict_admin: [
    'nodes.read', 'nodes.write', 'partyOrgs.read', 'partyOrgs.write', 'users.read', 'users.manage', 'cockpit.read',
    'people.read', 'people.write', 'people.unmask', 'orgs.read', 'orgs.write', 'tickets.read', 'tickets.report', 'tickets.manage',
    'tickets.unmask',
    'consultations.read', 'consultations.raise', 'consultations.manage',
    'volunteers.read', 'volunteers.manage', 'points.read', 'points.manage',
    'ratings.read', 'ratings.manage',
    'workers.read', 'workers.manage',
    'contest.read', 'contest.score',
    'stations.read', 'stations.manage', 'funding.read', 'funding.manage', 'funding.approve', 'innovation.read', 'innovation.submit',
  ],
  community_secretary: [
    'nodes.read', 'partyOrgs.read', 'cockpit.read', 'people.read', 'people.write', 'people.unmask', 'orgs.read', 'orgs.write',
    'tickets.read', 'tickets.report', 'tickets.confirm', 'tickets.unmask',
    // The community party committee screens topics and runs the five steps.
    'consultations.read', 'consultations.raise', 'consultations.manage',
    'volunteers.read', 'volunteers.manage', 'points.read', 'points.manage',
    // The community runs its compounds' assessment, scores as the regulator source, reviews and publishes.
    'ratings.read', 'ratings.manage', 'ratings.score', 'ratings.publish',
    // The community keeps its workers' records, prepares the monthly pay sheet, scores assessments and records training.
    'workers.read', 'workers.manage',
    // Secretaries take part in the contest (judges are appointed per contest, not by role).
    'contest.read', 'contest.score', 'contest.answer',
    // The community runs its stations and rooms, requests its disbursements and submits its practices.
    'stations.read', 'stations.manage', 'funding.read', 'funding.manage', 'innovation.read', 'innovation.submit',
  ],
  branch_secretary: ['nodes.read', 'partyOrgs.read', 'cockpit.read', 'people.read', 'people.write', 'orgs.read', 'tickets.read', 'tickets.report',
    // "Take matters to the branch": a branch raises its compound's matters; the community screens and runs them.
    'consultations.read', 'consultations.raise',
    // The compound branch approves dual registrations and runs its volunteer activities.
    'volunteers.read', 'volunteers.manage', 'points.read', 'cadreOpinions.answer',
    // The branch's own 30% of the property company's assessment.
    'ratings.read', 'ratings.score', 'stations.read', 'innovation.read', 'innovation.submit'],
  commissioner: ['nodes.read', 'partyOrgs.read', 'cockpit.read', 'people.read', 'orgs.read', 'tickets.read', 'tickets.report', 'tickets.handle',
    // The owner calls the reporter back: with a stated reason, audited.
    'tickets.unmask', 'consultations.read', 'volunteers.read', 'ratings.read',
    'stations.read', 'innovation.read'],
  // Separation of duties: the auditor reads the log and nothing it could cover up.
  auditor: ['audit.read', 'nodes.read'],
};

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  county_admin: { zh: '县级管理员', en: 'County admin' },
  subdistrict_admin: { zh: '街道管理员', en: 'Subdistrict admin' },
  community_secretary: { zh: '社区书记', en: 'Community secretary' },
  branch_secretary: { zh: '小区支部书记', en: 'Branch secretary' },
  commissioner: { zh: '社区服务专员', en: 'Service commissioner' },
  auditor: { zh: '审计员', en: 'Auditor' },
};

/** The kind of node at which each role is granted; a manager can grant only inside their own scope. */
export const ROLE_NODE_KIND = {
  county_admin: 'county',
  subdistrict_admin: 'subdistrict',
  community_secretary: 'community',
  branch_secretary: 'compound',
  commissioner: 'community',
  auditor: 'county',
} as const satisfies Record<Role, string>;
