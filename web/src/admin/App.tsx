/** Root component: providers (antd theme + locale, i18n, session) and the console routes. */
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@xj/contracts';
import { SessionProvider, useSession } from './session';
import { ApiBridge } from './components/ApiBridge';
import { AppLayout } from './components/AppLayout';
import { CADRE_OPINION_READERS } from './components/cadreOpinionNav';
import { PageLoading } from './components/PageLoading';
import { Forbidden } from './components/Forbidden';
import { RegistryViewContext } from './registry/RegistryView';
import { landingPath, PATHS } from './routes';
import { theme } from './theme';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const ChangePasswordPage = lazy(() => import('./pages/ChangePasswordPage'));
const CockpitPage = lazy(() => import('./pages/CockpitPage'));
const TreePage = lazy(() => import('./pages/TreePage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));
const AccountPage = lazy(() => import('./pages/AccountPage'));
const SearchPage = lazy(() => import('./pages/SearchPage'));
const PeoplePage = lazy(() => import('./pages/PeoplePage'));
const PersonDetailPage = lazy(() => import('./pages/PersonDetailPage'));
const PeopleImportPage = lazy(() => import('./pages/PeopleImportPage'));
const PartyMembersPage = lazy(() => import('./pages/registries/PartyMembersPage'));
const BranchSecretariesPage = lazy(() => import('./pages/registries/BranchSecretariesPage'));
const StewardsPage = lazy(() => import('./pages/registries/StewardsPage'));
const OwnersCommitteesPage = lazy(() => import('./pages/registries/OwnersCommitteesPage'));
const PropertyCompaniesPage = lazy(() => import('./pages/registries/PropertyCompaniesPage'));
const RedShopsPage = lazy(() => import('./pages/registries/RedShopsPage'));
const GigWorkersPage = lazy(() => import('./pages/registries/GigWorkersPage'));
const CommissionersPage = lazy(() => import('./pages/registries/CommissionersPage'));
const DeputiesPage = lazy(() => import('./pages/registries/DeputiesPage'));
const SocialOrgsPage = lazy(() => import('./pages/registries/SocialOrgsPage'));
const TicketRatesPage = lazy(() => import('./pages/TicketRatesPage'));
const TicketsPage = lazy(() => import('./pages/tickets/TicketsPage'));
const TicketDetailPage = lazy(() => import('./pages/tickets/TicketDetailPage'));
const MyTicketsPage = lazy(() => import('./pages/tickets/MyTicketsPage'));
const ReceptionDaysPage = lazy(() => import('./pages/ReceptionDaysPage'));
const Open311KeysPage = lazy(() => import('./pages/Open311KeysPage'));
const TicketSettingsPage = lazy(() => import('./pages/ticket-settings/TicketSettingsPage'));
const TopicsPage = lazy(() => import('./pages/consultations/TopicsPage'));
const TopicDetailPage = lazy(() => import('./pages/consultations/TopicDetailPage'));
const AgendaPage = lazy(() => import('./pages/consultations/AgendaPage'));
const OfficesPage = lazy(() => import('./pages/consultations/OfficesPage'));
const ConsultationStatsPage = lazy(() => import('./pages/consultations/ConsultationStatsPage'));
const RegistrationsPage = lazy(() => import('./pages/volunteers/RegistrationsPage'));
const WorkplaceOrgsPage = lazy(() => import('./pages/volunteers/WorkplaceOrgsPage'));
const DualMembersPage = lazy(() => import('./pages/volunteers/DualMembersPage'));
const ActivitiesPage = lazy(() => import('./pages/volunteers/ActivitiesPage'));
const ActivityDetailPage = lazy(() => import('./pages/volunteers/ActivityDetailPage'));
const PointRulesPage = lazy(() => import('./pages/volunteers/PointRulesPage'));
const PointLedgerPage = lazy(() => import('./pages/volunteers/PointLedgerPage'));
const LeaderboardPage = lazy(() => import('./pages/volunteers/LeaderboardPage'));
const RedemptionsPage = lazy(() => import('./pages/volunteers/RedemptionsPage'));
const RatingPeriodsPage = lazy(() => import('./pages/property-ratings/RatingPeriodsPage'));
const RatingPeriodDetailPage = lazy(() => import('./pages/property-ratings/RatingPeriodDetailPage'));
const RatingScoringPage = lazy(() => import('./pages/property-ratings/RatingScoringPage'));
const RatingCompaniesPage = lazy(() => import('./pages/property-ratings/RatingCompaniesPage'));
const RatingRectificationsPage = lazy(() => import('./pages/property-ratings/RatingRectificationsPage'));
const RatingSchemesPage = lazy(() => import('./pages/property-ratings/RatingSchemesPage'));
const InspectionsPage = lazy(() => import('./pages/property-inspections/InspectionsPage'));
const WorkersPage = lazy(() => import('./pages/workers/WorkersPage'));
const WorkerDetailPage = lazy(() => import('./pages/workers/WorkerDetailPage'));
const WorkersImportPage = lazy(() => import('./pages/workers/WorkersImportPage'));
const PaySchemePage = lazy(() => import('./pages/workers/PaySchemePage'));
const PaySheetsPage = lazy(() => import('./pages/workers/PaySheetsPage'));
const PaySheetDetailPage = lazy(() => import('./pages/workers/PaySheetDetailPage'));
const PromotionsPage = lazy(() => import('./pages/workers/PromotionsPage'));
const AssessmentsPage = lazy(() => import('./pages/workers/AssessmentsPage'));
const AssessmentDetailPage = lazy(() => import('./pages/workers/AssessmentDetailPage'));
const TrainingPage = lazy(() => import('./pages/workers/TrainingPage'));
const ContestsPage = lazy(() => import('./pages/contest/ContestsPage'));
const ContestDetailPage = lazy(() => import('./pages/contest/ContestDetailPage'));
const ContestJudgePage = lazy(() => import('./pages/contest/JudgePage'));
const ContestTestPage = lazy(() => import('./pages/contest/TestPage'));
const MedalHistoryPage = lazy(() => import('./pages/contest/MedalHistoryPage'));
const QuestionBankPage = lazy(() => import('./pages/contest/QuestionBankPage'));
const RedStationsPage = lazy(() => import('./pages/stations/RedStationsPage'));
const RedStationDetailPage = lazy(() => import('./pages/stations/RedStationDetailPage'));
const ServiceRoomsPage = lazy(() => import('./pages/stations/ServiceRoomsPage'));
const ServiceRoomDetailPage = lazy(() => import('./pages/stations/ServiceRoomDetailPage'));
const BudgetsPage = lazy(() => import('./pages/funding/BudgetsPage'));
const DisbursementsPage = lazy(() => import('./pages/funding/DisbursementsPage'));
const FundingReportPage = lazy(() => import('./pages/funding/FundingReportPage'));
const InnovationLibraryPage = lazy(() => import('./pages/innovation/InnovationLibraryPage'));
const InnovationCasePage = lazy(() => import('./pages/innovation/InnovationCasePage'));
const InnovationSubmissionsPage = lazy(() => import('./pages/innovation/InnovationSubmissionsPage'));
// The large-screen cockpit fills the screen: it renders outside the console frame.
const CockpitScreenPage = lazy(() => import('./pages/cockpit/CockpitScreenPage'));
const CadreOpinionsPage = lazy(() => import('./pages/cadre-opinions/CadreOpinionsPage'));
const CadreOpinionDetailPage = lazy(() => import('./pages/cadre-opinions/CadreOpinionDetailPage'));
const CadreOpinionStatsPage = lazy(() => import('./pages/cadre-opinions/CadreOpinionStatsPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

/** Signed in (and not forced to change the password), or off to the right page. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!me) return <Navigate to={PATHS.login} replace state={{ from: location.pathname + location.search }} />;
  if (me.user.mustChangePassword) return <Navigate to={PATHS.changePassword} replace />;
  return <>{children}</>;
}

function RequirePermission({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <Forbidden />;
}

/** A registry page's list at `path` and its Excel import view at `path/import` (the page checks the write permission). */
function registryRoutes(path: string, permission: Permission, Page: ComponentType) {
  const guarded = <RequirePermission permission={permission}><Page /></RequirePermission>;
  return [
    <Route key={path} path={path} element={guarded} />,
    <Route key={`${path}/import`} path={`${path}/import`} element={<RegistryViewContext.Provider value="import">{guarded}</RegistryViewContext.Provider>} />,
  ];
}

function Landing() {
  const { me } = useSession();
  return <Navigate to={landingPath(me)} replace />;
}

function ConsoleRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path={PATHS.login} element={<LoginPage />} />
        <Route path={PATHS.changePassword} element={<ChangePasswordPage />} />
        <Route path={PATHS.cockpitScreen} element={<RequireAuth><RequirePermission permission="cockpit.read"><CockpitScreenPage /></RequirePermission></RequireAuth>} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<Landing />} />
          <Route path={PATHS.cockpit} element={<RequirePermission permission="cockpit.read"><CockpitPage /></RequirePermission>} />
          <Route path={PATHS.tree} element={<RequirePermission permission="nodes.read"><TreePage /></RequirePermission>} />
          <Route path={PATHS.search} element={<SearchPage />} />
          <Route path={PATHS.people} element={<RequirePermission permission="people.read"><PeoplePage /></RequirePermission>} />
          <Route path={PATHS.peopleImport} element={<RequirePermission permission="people.write"><PeopleImportPage /></RequirePermission>} />
          <Route path={`${PATHS.people}/:id`} element={<RequirePermission permission="people.read"><PersonDetailPage /></RequirePermission>} />
          {registryRoutes(PATHS.partyMembers, 'people.read', PartyMembersPage)}
          {registryRoutes(PATHS.branchSecretaries, 'people.read', BranchSecretariesPage)}
          {registryRoutes(PATHS.stewards, 'people.read', StewardsPage)}
          {registryRoutes(PATHS.ownersCommittees, 'people.read', OwnersCommitteesPage)}
          {registryRoutes(PATHS.propertyCompanies, 'orgs.read', PropertyCompaniesPage)}
          {registryRoutes(PATHS.redShops, 'orgs.read', RedShopsPage)}
          {registryRoutes(PATHS.gigWorkers, 'people.read', GigWorkersPage)}
          {registryRoutes(PATHS.commissioners, 'people.read', CommissionersPage)}
          {registryRoutes(PATHS.deputies, 'people.read', DeputiesPage)}
          {registryRoutes(PATHS.socialOrgs, 'orgs.read', SocialOrgsPage)}
          <Route path={PATHS.ticketRates} element={<RequirePermission permission="tickets.read"><TicketRatesPage /></RequirePermission>} />
          <Route path={PATHS.tickets} element={<RequirePermission permission="tickets.read"><TicketsPage /></RequirePermission>} />
          <Route path={`${PATHS.tickets}/:id`} element={<RequirePermission permission="tickets.read"><TicketDetailPage /></RequirePermission>} />
          <Route path={PATHS.myTickets} element={<RequirePermission permission="tickets.handle"><MyTicketsPage /></RequirePermission>} />
          <Route path={PATHS.receptionDays} element={<RequirePermission permission="tickets.read"><ReceptionDaysPage /></RequirePermission>} />
          <Route path={PATHS.consultTopics} element={<RequirePermission permission="consultations.read"><TopicsPage /></RequirePermission>} />
          <Route path={`${PATHS.consultTopics}/:id`} element={<RequirePermission permission="consultations.read"><TopicDetailPage /></RequirePermission>} />
          <Route path={PATHS.consultAgenda} element={<RequirePermission permission="consultations.read"><AgendaPage /></RequirePermission>} />
          <Route path={PATHS.consultOffices} element={<RequirePermission permission="consultations.read"><OfficesPage /></RequirePermission>} />
          <Route path={PATHS.consultStats} element={<RequirePermission permission="consultations.read"><ConsultationStatsPage /></RequirePermission>} />
          <Route path={PATHS.volRegistrations} element={<RequirePermission permission="volunteers.read"><RegistrationsPage /></RequirePermission>} />
          <Route path={PATHS.volWorkplaceOrgs} element={<RequirePermission permission="volunteers.read"><WorkplaceOrgsPage /></RequirePermission>} />
          <Route path={PATHS.volMembers} element={<RequirePermission permission="volunteers.read"><DualMembersPage /></RequirePermission>} />
          <Route path={PATHS.volActivities} element={<RequirePermission permission="volunteers.read"><ActivitiesPage /></RequirePermission>} />
          <Route path={`${PATHS.volActivities}/:id`} element={<RequirePermission permission="volunteers.read"><ActivityDetailPage /></RequirePermission>} />
          <Route path={PATHS.pointRules} element={<RequirePermission permission="points.read"><PointRulesPage /></RequirePermission>} />
          <Route path={PATHS.pointLedger} element={<RequirePermission permission="points.read"><PointLedgerPage /></RequirePermission>} />
          <Route path={`${PATHS.pointLedger}/:personId`} element={<RequirePermission permission="points.read"><PointLedgerPage /></RequirePermission>} />
          <Route path={PATHS.pointLeaderboard} element={<RequirePermission permission="points.read"><LeaderboardPage /></RequirePermission>} />
          <Route path={PATHS.pointRedemptions} element={<RequirePermission permission="points.read"><RedemptionsPage /></RequirePermission>} />
          <Route path={PATHS.ratingPeriods} element={<RequirePermission permission="ratings.read"><RatingPeriodsPage /></RequirePermission>} />
          <Route path={`${PATHS.ratingPeriods}/:id`} element={<RequirePermission permission="ratings.read"><RatingPeriodDetailPage /></RequirePermission>} />
          <Route path={PATHS.ratingScoring} element={<RequirePermission permission="ratings.score"><RatingScoringPage /></RequirePermission>} />
          <Route path={PATHS.ratingCompanies} element={<RequirePermission permission="ratings.read"><RatingCompaniesPage /></RequirePermission>} />
          <Route path={PATHS.ratingRectifications} element={<RequirePermission permission="ratings.read"><RatingRectificationsPage /></RequirePermission>} />
          <Route path={PATHS.ratingInspections} element={<RequirePermission permission="ratings.read"><InspectionsPage /></RequirePermission>} />
          <Route path={PATHS.ratingSchemes} element={<RequirePermission permission="ratings.read"><RatingSchemesPage /></RequirePermission>} />
          <Route path={PATHS.workersImport} element={<RequirePermission permission="workers.manage"><WorkersImportPage /></RequirePermission>} />
          <Route path={PATHS.workers} element={<RequirePermission permission="workers.read"><WorkersPage /></RequirePermission>} />
          <Route path={`${PATHS.workers}/:id`} element={<RequirePermission permission="workers.read"><WorkerDetailPage /></RequirePermission>} />
          <Route path={PATHS.workerPayScheme} element={<RequirePermission permission="workers.read"><PaySchemePage /></RequirePermission>} />
          <Route path={PATHS.workerPaySheets} element={<RequirePermission permission="workers.read"><PaySheetsPage /></RequirePermission>} />
          <Route path={`${PATHS.workerPaySheets}/:id`} element={<RequirePermission permission="workers.read"><PaySheetDetailPage /></RequirePermission>} />
          <Route path={PATHS.workerPromotions} element={<RequirePermission permission="workers.read"><PromotionsPage /></RequirePermission>} />
          <Route path={PATHS.workerAssessments} element={<RequirePermission permission="workers.read"><AssessmentsPage /></RequirePermission>} />
          <Route path={`${PATHS.workerAssessments}/:id`} element={<RequirePermission permission="workers.read"><AssessmentDetailPage /></RequirePermission>} />
          <Route path={PATHS.workerTraining} element={<RequirePermission permission="workers.read"><TrainingPage /></RequirePermission>} />
          <Route path={PATHS.contests} element={<RequirePermission permission="contest.read"><ContestsPage /></RequirePermission>} />
          <Route path={PATHS.contestQuestions} element={<RequirePermission permission="contest.manage"><QuestionBankPage /></RequirePermission>} />
          <Route path={`${PATHS.contests}/medals/:workerId`} element={<RequirePermission permission="contest.read"><MedalHistoryPage /></RequirePermission>} />
          <Route path={`${PATHS.contests}/:id`} element={<RequirePermission permission="contest.read"><ContestDetailPage /></RequirePermission>} />
          <Route path={`${PATHS.contests}/:id/judge`} element={<RequirePermission permission="contest.read"><ContestJudgePage /></RequirePermission>} />
          <Route path={`${PATHS.contests}/:id/test`} element={<RequirePermission permission="contest.read"><ContestTestPage /></RequirePermission>} />
          <Route path={PATHS.redStations} element={<RequirePermission permission="stations.read"><RedStationsPage /></RequirePermission>} />
          <Route path={`${PATHS.redStations}/:id`} element={<RequirePermission permission="stations.read"><RedStationDetailPage /></RequirePermission>} />
          <Route path={PATHS.serviceRooms} element={<RequirePermission permission="stations.read"><ServiceRoomsPage /></RequirePermission>} />
          <Route path={`${PATHS.serviceRooms}/:id`} element={<RequirePermission permission="stations.read"><ServiceRoomDetailPage /></RequirePermission>} />
          <Route path={PATHS.fundingBudgets} element={<RequirePermission permission="funding.read"><BudgetsPage /></RequirePermission>} />
          <Route path={PATHS.fundingDisbursements} element={<RequirePermission permission="funding.read"><DisbursementsPage /></RequirePermission>} />
          <Route path={PATHS.fundingReport} element={<RequirePermission permission="funding.read"><FundingReportPage /></RequirePermission>} />
          <Route path={PATHS.innovation} element={<RequirePermission permission="innovation.read"><InnovationLibraryPage /></RequirePermission>} />
          <Route path={PATHS.innovationSubmissions} element={<RequirePermission permission="innovation.submit"><InnovationSubmissionsPage /></RequirePermission>} />
          <Route path={`${PATHS.innovation}/:id`} element={<RequirePermission permission="innovation.read"><InnovationCasePage /></RequirePermission>} />
          <Route path={PATHS.cadreOpinions} element={<RequirePermission permission={CADRE_OPINION_READERS}><CadreOpinionsPage /></RequirePermission>} />
          <Route path={PATHS.cadreOpinionStats} element={<RequirePermission permission="cadreOpinions.request"><CadreOpinionStatsPage /></RequirePermission>} />
          <Route path={`${PATHS.cadreOpinions}/:id`} element={<RequirePermission permission={CADRE_OPINION_READERS}><CadreOpinionDetailPage /></RequirePermission>} />
          <Route path={PATHS.users} element={<RequirePermission permission="users.read"><UsersPage /></RequirePermission>} />
          <Route path={PATHS.open311Keys} element={<RequirePermission permission="open311.manage"><Open311KeysPage /></RequirePermission>} />
          <Route path={PATHS.ticketSettings} element={<RequirePermission permission="tickets.configure"><TicketSettingsPage /></RequirePermission>} />
          <Route path={PATHS.audit} element={<RequirePermission permission="audit.read"><AuditPage /></RequirePermission>} />
          <Route path={PATHS.account} element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const isEn = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(isEn ? 'en' : 'zh-cn');
  }, [isEn]);

  return (
    <ConfigProvider locale={isEn ? enUSLocale : zhCNLocale} theme={theme}>
      <AntApp>
        <BrowserRouter basename="/admin">
          <SessionProvider>
            <ApiBridge />
            <ConsoleRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
