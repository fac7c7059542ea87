import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicMeetingDto } from '@xj/contracts';
import { MEETING_FORM_LABELS, MEETING_STATUS_LABELS } from '@xj/contracts/domain';
import { pick } from '../../shared/labels';
import { PublicApiError } from '../api';
import { consultApi, formatTime } from './consultApi';
import { useVerifyGate } from './VerifyGate';

/** /m/consult/meeting/<token>: what a meeting's QR code opens — the meeting and 签到 (verified residents). */
export default function MeetingPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const { gate, panel } = useVerifyGate();
  const [meeting, setMeeting] = useState<PublicMeetingDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    consultApi.meeting(token).then(setMeeting, (e: unknown) =>
      setError(e instanceof PublicApiError && (e.status === 404 || e.status === 400) ? t('residentConsult.meetingNotFound') : (e as Error).message),
    );
  }, [token, t]);

  const attend = async () => {
    setBusy(true);
    setResult(null);
    try {
      const a = await consultApi.attend(token);
      setResult({ ok: true, text: a.created ? t('residentConsult.signedIn') : t('residentConsult.alreadySignedIn') });
    } catch (e) {
      setResult({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  if (error) {
    return (
      <p className="m-error m-banner" role="alert">
        {error}
      </p>
    );
  }
  if (!meeting) return <p className="m-note">{t('residentConsult.loading')}</p>;
  const lang = i18n.language;
  const time = meeting.endsAt ? `${formatTime(meeting.startsAt, lang)} – ${formatTime(meeting.endsAt, lang)}` : formatTime(meeting.startsAt, lang);
  return (
    <>
      <section className="m-form" aria-labelledby="m-meeting-title">
        <h1 id="m-meeting-title">{t('residentConsult.meetingTitle')}</h1>
        <p className="m-intro">{t('residentConsult.meetingTopic', { title: meeting.topicTitle })}</p>
        <dl className="m-facts">
          <dt>{t('residentConsult.meetingForm')}</dt>
          <dd>{pick(MEETING_FORM_LABELS[meeting.form], lang)}</dd>
          <dt>{t('residentConsult.meetingTime')}</dt>
          <dd>{time}</dd>
          <dt>{t('residentConsult.meetingPlace')}</dt>
          <dd>
            {meeting.communityName} · {meeting.place}
          </dd>
          <dt>{t('residentConsult.meetingStatus')}</dt>
          <dd>{pick(MEETING_STATUS_LABELS[meeting.status], lang)}</dd>
        </dl>
        {meeting.signInOpen ? (
          <button type="button" className="m-button m-primary" disabled={busy || result?.ok} onClick={() => gate(attend)}>
            {t('residentConsult.signIn')}
          </button>
        ) : (
          <p className="m-note">{t('residentConsult.signInClosed')}</p>
        )}
        <p className={result && !result.ok ? 'm-error' : 'm-verified m-big'} role="status" data-testid="meeting-result">
          {result?.text ?? ''}
        </p>
      </section>
      {panel}
    </>
  );
}
