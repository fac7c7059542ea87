import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MySignupDto } from '@xj/contracts';
import { formatTime } from '../consult/consultApi';
import { useVerifyGate } from '../consult/VerifyGate';
import { timeText } from './activityText';
import { hoursText, volunteerApi } from './volunteerApi';

/** /m/volunteer/checkin/<token>: what an activity's QR code opens — 签到 and 签退 for a verified resident who signed up. */
export default function CheckinPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const { gate, panel } = useVerifyGate();
  const [signup, setSignup] = useState<MySignupDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const run = (kind: 'in' | 'out') => async () => {
    setBusy(true);
    setResult(null);
    try {
      const s = kind === 'in' ? await volunteerApi.checkIn(token) : await volunteerApi.checkOut(token);
      setSignup(s);
      setResult({ ok: true, text: kind === 'in' ? t('residentVolunteer.checkedIn') : t('residentVolunteer.checkedOut') });
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const lang = i18n.language;
  return (
    <>
      <section className="m-form" aria-labelledby="m-checkin-title">
        <h1 id="m-checkin-title">{t('residentVolunteer.checkinTitle')}</h1>
        <p className="m-intro">{t('residentVolunteer.checkinIntro')}</p>
        <div className="m-row">
          <button type="button" className="m-button m-primary" disabled={busy} onClick={() => gate(run('in'))}>
            {t('residentVolunteer.checkIn')}
          </button>
          <button type="button" className="m-button m-secondary" disabled={busy} onClick={() => gate(run('out'))}>
            {t('residentVolunteer.checkOut')}
          </button>
        </div>
        <p className={result && !result.ok ? 'm-error' : 'm-verified m-big'} role="status" data-testid="checkin-result">
          {result?.text ?? ''}
        </p>
        {signup && (
          <dl className="m-facts" data-testid="checkin-facts">
            <dt>{t('residentVolunteer.activity')}</dt>
            <dd>{signup.activity.title}</dd>
            <dt>{t('residentVolunteer.time')}</dt>
            <dd>{timeText(signup.activity, lang)}</dd>
            <dt>{t('residentVolunteer.place')}</dt>
            <dd>{signup.activity.place}</dd>
            <dt>{t('residentVolunteer.checkedInAt')}</dt>
            <dd>{signup.checkedInAt ? formatTime(signup.checkedInAt, lang) : '—'}</dd>
            {signup.checkedOutAt && (
              <>
                <dt>{t('residentVolunteer.checkedOutAt')}</dt>
                <dd>{formatTime(signup.checkedOutAt, lang)}</dd>
                <dt>{t('residentVolunteer.hours')}</dt>
                <dd>{t('residentVolunteer.hoursValue', { hours: hoursText(signup.hours ?? 0) })}</dd>
                <dt>{t('residentVolunteer.earned')}</dt>
                <dd data-testid="checkin-points">{signup.points !== null ? signup.points : t('residentVolunteer.earnedNone')}</dd>
              </>
            )}
          </dl>
        )}
      </section>
      {panel}
    </>
  );
}
