import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../shared/i18n';
import { ReportPage } from './ReportPage';
import { TrackPage } from './TrackPage';
import { VerifyPage } from './VerifyPage';

type Page = 'report' | 'track' | 'verify';
const pageOf = (path: string): Page => (path.startsWith('/m/track') ? 'track' : path.startsWith('/m/verify') ? 'verify' : 'report');
const TITLES = { report: 'resident.reportTitle', track: 'resident.trackTitle', verify: 'residentVerify.title' } as const;

/** A few pages without a router: links change the path with pushState, Back works through popstate. */
export function App() {
  const { t } = useTranslation();
  const [page, setPage] = useState<Page>(() => pageOf(location.pathname));
  useEffect(() => {
    const onPop = () => setPage(pageOf(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    document.title = `${t(TITLES[page])} · ${t('resident.title')}`;
  }, [page, t]);

  const go = (next: Page, url = `/m/${next}`) => (e?: React.MouseEvent) => {
    e?.preventDefault();
    history.pushState(null, '', url);
    setPage(next);
    scrollTo(0, 0);
  };

  return (
    <>
      <header className="m-header">
        <span className="m-brand">{t('resident.title')}</span>
        <button type="button" className="m-lang" onClick={() => void changeLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en')}>
          {t('resident.language')}
        </button>
      </header>
      <nav className="m-tabs" aria-label={t('resident.title')}>
        <a href="/m/report" aria-current={page === 'report' ? 'page' : undefined} onClick={go('report')}>
          {t('resident.reportTitle')}
        </a>
        <a href="/m/track" aria-current={page === 'track' ? 'page' : undefined} onClick={go('track')}>
          {t('resident.trackTitle')}
        </a>
      </nav>
      <main className="m-main">
        {page === 'track' ? (
          <TrackPage />
        ) : page === 'verify' ? (
          <VerifyPage onContinue={(url) => go(pageOf(url), url)()} />
        ) : (
          <ReportPage onTrack={(url) => go('track', url)()} />
        )}
      </main>
    </>
  );
}
