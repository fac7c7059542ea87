import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicCompoundGradesDto } from '@xj/contracts';
import { RATING_LIMITS, RATING_SOURCE_LABELS } from '@xj/contracts/domain';
import { pick } from '../../shared/labels';
import { useVerifyGate } from '../consult/VerifyGate';
import { GradeBadge } from './GradeBadge';
import { PropertyLinks } from './PropertyLinks';
import { propertyApi, type PublicCompound } from './propertyApi';

const compoundInHash = (): number | null => {
  const id = Number(location.hash.slice(1));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
};

/** /m/property: find a compound → its current grade, published history and the open survey. */
export default function PropertyPage({ onOpen }: { onOpen: (url: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<PublicCompound[] | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | string>('loading');
  // The chosen compound rides in the address's #fragment, so a shared link or a reload opens it again.
  const [selected, setSelectedState] = useState<number | null>(compoundInHash);
  const setSelected = (id: number | null) => {
    setSelectedState(id);
    history.replaceState(history.state, '', id === null ? '/m/property' : `/m/property#${id}`);
  };

  const search = useCallback(async (text: string) => {
    setState('loading');
    try {
      setResults((await propertyApi.search(text.trim())).data);
      setState('ready');
    } catch (e) {
      setState((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void search('');
  }, [search]);

  return (
    <>
      <PropertyLinks current="grades" onOpen={onOpen} />
      {selected !== null ? (
        <CompoundGrades key={selected} id={selected} onBack={() => setSelected(null)} />
      ) : (
        <>
          <form
            className="m-form"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              void search(q);
            }}
          >
            <h1>{t('residentProperty.title')}</h1>
            <p className="m-intro">{t('residentProperty.intro')}</p>
            <div className="m-field">
              <label htmlFor="m-property-q">{t('residentProperty.searchLabel')}</label>
              <div className="m-inline">
                <input id="m-property-q" type="search" maxLength={50} placeholder={t('residentProperty.searchPlaceholder')} value={q} onChange={(e) => setQ(e.target.value)} />
                <button type="submit" className="m-button m-secondary m-inline-button">
                  {t('residentProperty.search')}
                </button>
              </div>
            </div>
          </form>
          <section aria-busy={state === 'loading'} aria-live="polite">
            {state === 'loading' && <p className="m-note">{t('residentProperty.searching')}</p>}
            {state !== 'loading' && state !== 'ready' && (
              <p className="m-error m-banner" role="alert">
                {t('residentProperty.loadFailed', { message: state })}
              </p>
            )}
            {state === 'ready' && results?.length === 0 && <p className="m-note">{t('residentProperty.noCompounds')}</p>}
            <ul className="m-cards">
              {results?.map((c) => (
                <li key={c.id} className="m-card" data-testid="property-compound">
                  <a
                    href={`/m/property#${c.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      setSelected(c.id);
                      scrollTo(0, 0);
                    }}
                  >
                    <span className="m-card-title">{c.name}</span>
                    <span className="m-card-meta">
                      <span>{c.communityName}</span>
                      <GradeBadge grade={c.grade} />
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}

function CompoundGrades({ id, onBack }: { id: number; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const [data, setData] = useState<PublicCompoundGradesDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setData(await propertyApi.compound(id));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error)
    return (
      <p className="m-error m-banner" role="alert">
        {t('residentProperty.loadFailed', { message: error })}{' '}
        <button type="button" className="m-link m-inline-link" onClick={() => void load()}>
          {t('residentProperty.retry')}
        </button>
      </p>
    );
  if (!data) return <p className="m-note">{t('residentProperty.loading')}</p>;
  const latest = data.history[0];
  return (
    <>
      <section className="m-form" aria-labelledby="m-compound-title">
        <button type="button" className="m-link" onClick={onBack}>
          ← {t('residentProperty.back')}
        </button>
        <h1 id="m-compound-title">{data.name}</h1>
        <p className="m-note">
          {data.communityName} · {data.companyName ? t('residentProperty.company', { name: data.companyName }) : t('residentProperty.noCompany')}
        </p>
        <p>
          {t('residentProperty.currentGrade')}: <GradeBadge grade={latest?.grade ?? null} />
          {latest?.total != null && <span> {t('residentProperty.total', { total: latest.total.toFixed(2) })}</span>}
        </p>
      </section>
      <section className="m-form" aria-labelledby="m-survey-title" data-testid="property-survey">
        {data.survey ? (
          <Survey survey={data.survey} compoundName={data.name} onDone={load} />
        ) : (
          <>
            <h2 id="m-survey-title">{t('residentProperty.surveyHeading')}</h2>
            <p className="m-note">{t('residentProperty.noSurvey')}</p>
          </>
        )}
      </section>
      <section aria-labelledby="m-history-title">
        <h2 id="m-history-title">{t('residentProperty.historyTitle')}</h2>
        {data.history.length === 0 && <p className="m-note">{t('residentProperty.noHistory')}</p>}
        <ul className="m-cards">
          {data.history.map((h) => (
            <li key={`${h.periodName}-${h.publishedAt}`} className="m-card" data-testid="property-history">
              <div style={{ padding: 12 }}>
                <h3 style={{ margin: '0 0 4px', fontSize: 17 }}>{h.periodName}</h3>
                <span className="m-card-meta">
                  <GradeBadge grade={h.grade} />
                  <span>{h.total == null ? t('residentProperty.noTotal') : t('residentProperty.total', { total: h.total.toFixed(2) })}</span>
                  <span>{t('residentProperty.publishedOn', { date: h.publishedAt.slice(0, 10) })}</span>
                </span>
                <p className="m-small-text" style={{ margin: '4px 0' }}>
                  {t('residentProperty.companyOf', { company: h.companyName })}
                  {h.rectification && (
                    <>
                      {' · '}
                      {t(`residentProperty.rectification.${h.rectification.status}`, { date: h.rectification.deadline })}
                    </>
                  )}
                  {h.contractReviewFlag && (
                    <>
                      {' · '}
                      <strong>{t('residentProperty.contractFlagged')}</strong>
                    </>
                  )}
                </p>
                <ul className="m-list m-small-text">
                  {h.sources.map((s) => (
                    <li key={s.source}>
                      {pick(RATING_SOURCE_LABELS[s.source], i18n.language)}：
                      {s.missing || s.score == null ? t('residentProperty.sourceMissing') : t('residentProperty.sourceScore', { score: s.score.toFixed(2) })}
                    </li>
                  ))}
                </ul>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Survey({ survey, compoundName, onDone }: { survey: NonNullable<PublicCompoundGradesDto['survey']>; compoundName: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const { gate, panel, refresh } = useVerifyGate();
  const [stars, setStars] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = survey.indicators.filter((i) => !stars[i.code]);
    if (missing.length) return setError(t('residentProperty.surveyIncomplete', { names: missing.map((i) => i.name).join('、') }));
    setError(null);
    gate(async () => {
      setBusy(true);
      try {
        await propertyApi.answer(survey.ratingId, { stars, ...(comment.trim() ? { comment: comment.trim() } : {}) });
        setDone(true);
        await refresh();
        await onDone();
      } catch (err) {
        setError((err as Error).message);
      } finally {
        setBusy(false);
      }
    });
  };

  return (
    <>
      <h2 id="m-survey-title">{t('residentProperty.surveyTitle', { period: survey.periodName })}</h2>
      {done && (
        <p className="m-note" role="status">
          {t('residentProperty.surveyThanks')}
        </p>
      )}
      {survey.answered ? (
        <p className="m-note" data-testid="survey-answered">
          {t('residentProperty.surveyAnswered')}
        </p>
      ) : (
        <form onSubmit={submit} noValidate aria-label={compoundName}>
          <p className="m-intro">{t('residentProperty.surveyIntro', { deadline: survey.deadline })}</p>
          {survey.indicators.map((ind) => (
            <fieldset key={ind.code} className="m-field">
              <legend>{t('residentProperty.starsLegend', { name: ind.name })}</legend>
              <div className="m-stars">
                {[1, 2, 3, 4, 5].map((n) => (
                  <label key={n} className={n <= (stars[ind.code] ?? 0) ? 'm-star m-star-on' : 'm-star'}>
                    <input
                      type="radio"
                      name={`m-survey-${ind.code}`}
                      checked={stars[ind.code] === n}
                      onChange={() => setStars((s) => ({ ...s, [ind.code]: n }))}
                      aria-label={t('residentProperty.starLabel', { count: n })}
                    />
                    <span aria-hidden="true">★</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <div className="m-field">
            <label htmlFor="m-survey-comment">{t('residentProperty.comment')}</label>
            <textarea id="m-survey-comment" rows={3} maxLength={RATING_LIMITS.commentMax} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          {error && (
            <p className="m-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="m-button m-primary" disabled={busy}>
            {busy ? t('residentProperty.submitting') : t('residentProperty.submitSurvey')}
          </button>
        </form>
      )}
      {panel}
    </>
  );
}
