import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MySignupDto, PublicActivityDto } from '@xj/contracts';
import { ACTIVITY_AUDIENCE_LABELS, ACTIVITY_STATUS_LABELS, ACTIVITY_TYPE_LABELS } from '@xj/contracts/domain';
import { pick } from '../../shared/labels';
import { PublicApiError } from '../api';
import { useVerifyGate } from '../consult/VerifyGate';
import { pointsText, signupStateText, timeText } from './activityText';
import { volunteerApi, VOLUNTEER_PATHS } from './volunteerApi';

/** /m/volunteer/<id>: an activity with 报名 / 取消报名 (inline phone verification when needed). */
export default function ActivityPage({ id, onOpen }: { id: number; onOpen: (url: string) => void }) {
  const { t, i18n } = useTranslation();
  const { resident, gate, panel } = useVerifyGate();
  const [activity, setActivity] = useState<PublicActivityDto | null>(null);
  const [mine, setMine] = useState<MySignupDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const reload = useCallback(async () => {
    try {
      setActivity(await volunteerApi.activity(id));
      setError(null);
    } catch (e) {
      setError(e instanceof PublicApiError && (e.status === 404 || e.status === 400) ? t('residentVolunteer.notFound') : (e as Error).message);
    }
  }, [id, t]);
  const reloadMine = useCallback(async () => {
    const me = await volunteerApi.me().catch(() => null);
    setMine(me?.signups.find((s) => s.activity.id === id && s.status === 'signed_up') ?? null);
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (resident.status === 'verified') void reloadMine();
  }, [reloadMine, resident.status]);
  useEffect(() => {
    if (activity) document.title = `${activity.title} · ${t('residentVolunteer.title')}`;
  }, [activity, t]);

  const act = (kind: 'signUp' | 'cancel') => async () => {
    setBusy(true);
    setResult(null);
    try {
      if (kind === 'signUp') {
        const before = mine;
        const s = await volunteerApi.signUp(id);
        setMine(s);
        setResult({ ok: true, text: before ? t('residentVolunteer.alreadySignedUp') : t('residentVolunteer.signedUp') });
      } else {
        await volunteerApi.cancel(id);
        setMine(null);
        setResult({ ok: true, text: t('residentVolunteer.cancelled') });
      }
    } catch (e) {
      // The server's own words: ACTIVITY_FULL, members only, started, …
      setResult({ ok: false, text: (e as Error).message });
      await reloadMine();
    } finally {
      setBusy(false);
      await reload();
    }
  };

  const back = (
    <a
      className="m-back"
      href={VOLUNTEER_PATHS.activities}
      onClick={(e) => {
        e.preventDefault();
        onOpen(VOLUNTEER_PATHS.activities);
      }}
    >
      {t('residentVolunteer.back')}
    </a>
  );
  if (error) {
    return (
      <>
        {back}
        <p className="m-error m-banner" role="alert">
          {error}
        </p>
      </>
    );
  }
  if (!activity) return <p className="m-note">{t('residentVolunteer.loading')}</p>;
  const lang = i18n.language;
  const open = activity.status === 'published' && Date.parse(activity.startsAt) > Date.now();
  return (
    <>
      {back}
      <section className="m-form" aria-labelledby="m-activity-title">
        <h1 id="m-activity-title">{activity.title}</h1>
        <dl className="m-facts">
          <dt>{t('residentVolunteer.type')}</dt>
          <dd>{pick(ACTIVITY_TYPE_LABELS[activity.type], lang)}</dd>
          <dt>{t('residentVolunteer.time')}</dt>
          <dd>{timeText(activity, lang)}</dd>
          <dt>{t('residentVolunteer.place')}</dt>
          <dd>{activity.place}</dd>
          <dt>{t('residentVolunteer.organiser')}</dt>
          <dd>{activity.communityName === activity.nodeName ? activity.communityName : `${activity.communityName} · ${activity.nodeName}`}</dd>
          <dt>{t('residentVolunteer.audience')}</dt>
          <dd>{pick(ACTIVITY_AUDIENCE_LABELS[activity.audience], lang)}</dd>
          <dt>{t('residentVolunteer.places')}</dt>
          <dd>
            {t('residentVolunteer.placesOf', { taken: activity.signedUpCount, capacity: activity.capacity })}
            {activity.full && ` · ${t('residentVolunteer.full')}`}
          </dd>
          <dt>{t('residentVolunteer.points')}</dt>
          <dd>{pointsText(activity, t)}</dd>
          <dt>{t('residentVolunteer.status')}</dt>
          <dd>{pick(ACTIVITY_STATUS_LABELS[activity.status], lang)}</dd>
        </dl>
        {activity.description && (
          <>
            <h2>{t('residentVolunteer.description')}</h2>
            <p className="m-text">{activity.description}</p>
          </>
        )}
        {mine && (
          <p className="m-verified" data-testid="volunteer-my-state">
            {t('residentVolunteer.youAreSignedUp')} · {signupStateText(mine, t)}
          </p>
        )}
        {open &&
          (mine ? (
            <button type="button" className="m-button m-secondary" disabled={busy} onClick={() => gate(act('cancel'))}>
              {busy ? t('residentVolunteer.cancelling') : t('residentVolunteer.cancelSignUp')}
            </button>
          ) : (
            <button type="button" className="m-button m-primary" disabled={busy} onClick={() => gate(act('signUp'))}>
              {busy ? t('residentVolunteer.signingUp') : t('residentVolunteer.signUp')}
            </button>
          ))}
        <p className={result && !result.ok ? 'm-error' : 'm-verified'} role="status" data-testid="volunteer-result">
          {result?.text ?? ''}
        </p>
      </section>
      {panel}
    </>
  );
}
