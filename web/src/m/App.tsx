import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from './i18n';
import { ReportPage } from './ReportPage';
import { TrackPage } from './TrackPage';
import { VerifyPage } from './VerifyPage';

// The cloud consultation pages load on demand, keeping /m's first load small.
const ConsultPage = lazy(() => import('./consult/ConsultPage'));
const TopicPage = lazy(() => import('./consult/TopicPage'));
const MeetingPage = lazy(() => import('./consult/MeetingPage'));
// 志愿积分: volunteering, dual registration and points, each page its own chunk too.
const VolunteerPage = lazy(() => import('./volunteer/VolunteerPage'));
const ActivityPage = lazy(() => import('./volunteer/ActivityPage'));
const CheckinPage = lazy(() => import('./volunteer/CheckinPage'));
const RegisterPage = lazy(() => import('./volunteer/RegisterPage'));
const PointsPage = lazy(() => import('./volunteer/PointsPage'));
const RedeemPage = lazy(() => import('./volunteer/RedeemPage'));
// 物业服务评价 (四色管理考核): grades and the survey, stewards' inspections, member scorecards.
const PropertyPage = lazy(() => import('./property/PropertyPage'));
const InspectPage = lazy(() => import('./property/InspectPage'));
const ScorePage = lazy(() => import('./property/ScorePage'));
// 红色驿站: stations nearest first.
const StationsPage = lazy(() => import('./stations/StationsPage'));

type Page = 'report' | 'track' | 'verify' | 'consult' | 'topic' | 'meeting' | 'volunteer' | 'activity' | 'checkin' | 'register' | 'points' | 'redeem' | 'property' | 'inspect' | 'score' | 'stations';
const pageOf = (path: string): Page => {
  if (path.startsWith('/m/track')) return 'track';
  if (path.startsWith('/m/verify')) return 'verify';
  if (/^\/m\/consult\/meeting\/[^/]+\/?$/.test(path)) return 'meeting';
  if (/^\/m\/consult\/\d+\/?$/.test(path)) return 'topic';
  if (path.startsWith('/m/consult')) return 'consult';
  if (/^\/m\/volunteer\/checkin\/[^/]+\/?$/.test(path)) return 'checkin';
  if (/^\/m\/volunteer\/register\/?$/.test(path)) return 'register';
  if (/^\/m\/volunteer\/\d+\/?$/.test(path)) return 'activity';
  if (path.startsWith('/m/volunteer')) return 'volunteer';
  if (/^\/m\/points\/redeem\/?$/.test(path)) return 'redeem';
  if (path.startsWith('/m/points')) return 'points';
  if (/^\/m\/property\/inspect\/?$/.test(path)) return 'inspect';
  if (/^\/m\/property\/score\/?$/.test(path)) return 'score';
  if (path.startsWith('/m/property')) return 'property';
  if (path.startsWith('/m/stations')) return 'stations';
  return 'report';
};
/** The id or token in /m/consult/<id> and /m/consult/meeting/<token>. */
const lastSegment = (path: string) => decodeURIComponent(path.replace(/\/$/, '').split('/').pop() ?? '');
const TITLES = {
  report: 'resident.reportTitle',
  track: 'resident.trackTitle',
  verify: 'residentVerify.title',
  consult: 'residentConsult.title',
  topic: 'residentConsult.title',
  meeting: 'residentConsult.meetingTitle',
  volunteer: 'residentVolunteer.title',
  activity: 'residentVolunteer.title',
  checkin: 'residentVolunteer.checkinTitle',
  register: 'residentVolunteer.registerTitle',
  points: 'residentVolunteer.pointsTitle',
  redeem: 'residentVolunteer.redeemTitle',
  property: 'residentProperty.title',
  inspect: 'residentProperty.inspectTitle',
  score: 'residentProperty.scoreTitle',
  stations: 'residentStations.title',
} as const;

/** A few pages without a router: links change the path with pushState, Back works through popstate. */
export function App() {
  const { t } = useTranslation();
  const [path, setPath] = useState(() => location.pathname);
  const page = pageOf(path);
  useEffect(() => {
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    document.title = `${t(TITLES[page])} · ${t('resident.title')}`;
  }, [page, t]);

  const main = useRef<HTMLElement>(null);
  const open = (url: string) => {
    history.pushState(null, '', url);
    setPath(new URL(url, location.href).pathname);
    scrollTo(0, 0);
    // The link that was pressed is gone: screen readers continue from the new page's content.
    main.current?.focus({ preventScroll: true });
  };
  const go = (url: string) => (e?: React.MouseEvent) => {
    e?.preventDefault();
    open(url);
  };
  const consultSection = page === 'consult' || page === 'topic' || page === 'meeting';
  const volunteerSection = page === 'volunteer' || page === 'activity' || page === 'checkin' || page === 'register' || page === 'points' || page === 'redeem';
  const propertySection = page === 'property' || page === 'inspect' || page === 'score';

  return (
    <>
      <header className="m-header">
        <span className="m-brand">{t('resident.title')}</span>
        <button type="button" className="m-lang" onClick={() => void changeLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en')}>
          {t('resident.language')}
        </button>
      </header>
      <nav className="m-tabs" aria-label={t('resident.title')}>
        <a href="/m/report" aria-current={page === 'report' ? 'page' : undefined} onClick={go('/m/report')}>
          {t('resident.reportTitle')}
        </a>
        <a href="/m/track" aria-current={page === 'track' ? 'page' : undefined} onClick={go('/m/track')}>
          {t('resident.trackTitle')}
        </a>
        <a href="/m/consult" aria-current={consultSection ? 'page' : undefined} onClick={go('/m/consult')}>
          {t('residentConsult.title')}
        </a>
        <a href="/m/volunteer" aria-current={volunteerSection ? 'page' : undefined} onClick={go('/m/volunteer')}>
          {t('residentVolunteer.tab')}
        </a>
        <a href="/m/property" aria-current={propertySection ? 'page' : undefined} onClick={go('/m/property')}>
          {t('residentProperty.tab')}
        </a>
        <a href="/m/stations" aria-current={page === 'stations' ? 'page' : undefined} onClick={go('/m/stations')}>
          {t('residentStations.tab')}
        </a>
      </nav>
      <main className="m-main" ref={main} tabIndex={-1}>
        <Suspense fallback={<p className="m-note">{t('residentConsult.loading')}</p>}>
          {page === 'track' ? (
            <TrackPage />
          ) : page === 'verify' ? (
            <VerifyPage onContinue={open} />
          ) : page === 'consult' ? (
            <ConsultPage onOpen={open} />
          ) : page === 'topic' ? (
            <TopicPage key={path} id={Number(lastSegment(path))} onOpen={open} />
          ) : page === 'meeting' ? (
            <MeetingPage key={path} token={lastSegment(path)} />
          ) : page === 'volunteer' ? (
            <VolunteerPage onOpen={open} />
          ) : page === 'activity' ? (
            <ActivityPage key={path} id={Number(lastSegment(path))} onOpen={open} />
          ) : page === 'checkin' ? (
            <CheckinPage key={path} token={lastSegment(path)} />
          ) : page === 'register' ? (
            <RegisterPage onOpen={open} />
          ) : page === 'points' ? (
            <PointsPage onOpen={open} />
          ) : page === 'redeem' ? (
            <RedeemPage onOpen={open} />
          ) : page === 'property' ? (
            <PropertyPage onOpen={open} />
          ) : page === 'inspect' ? (
            <InspectPage onOpen={open} />
          ) : page === 'score' ? (
            <ScorePage onOpen={open} />
          ) : page === 'stations' ? (
            <StationsPage />
          ) : (
            <ReportPage onTrack={open} />
          )}
        </Suspense>
      </main>
    </>
  );
}
