import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTopicDto } from '@xj/contracts';
import { MEETING_FORM_LABELS, MEETING_STATUS_LABELS, optionAttachmentPath, type MeetingForm, type MeetingStatus } from '@xj/contracts/domain';
import { fileSize } from '../../shared/fileSize';
import { pick } from '../../shared/labels';
import { PublicApiError } from '../api';
import { consultApi, formatTime } from './consultApi';
import { StepBadge, StepBar } from './StepBar';
import { useVerifyGate } from './VerifyGate';
import { TopicActions } from './TopicActions';
import { Comments } from './Comments';

/** /m/consult/<id>: the topic, its five steps, plans, meetings, what residents may do now, and comments. */
export default function TopicPage({ id, onOpen }: { id: number; onOpen: (url: string) => void }) {
  const { t, i18n } = useTranslation();
  const { resident, gate, panel } = useVerifyGate();
  const [topic, setTopic] = useState<PublicTopicDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(async () => {
    try {
      setTopic(await consultApi.topic(id));
      setError(null);
    } catch (e) {
      setError(e instanceof PublicApiError && e.status === 404 ? t('residentConsult.notFound') : (e as Error).message);
    }
  }, [id, t]);
  // Verifying changes what the topic says about this resident (`mine`): reload then.
  useEffect(() => {
    if (resident.status !== 'loading') void reload();
  }, [reload, resident.status]);
  useEffect(() => {
    if (topic) document.title = `${topic.title} · ${t('residentConsult.title')}`;
  }, [topic, t]);

  const back = (
    <a
      className="m-back"
      href="/m/consult"
      onClick={(e) => {
        e.preventDefault();
        onOpen('/m/consult');
      }}
    >
      {t('residentConsult.back')}
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
  if (!topic) return <p className="m-note">{t('residentConsult.loading')}</p>;

  const lang = i18n.language;
  return (
    <>
      {back}
      <article className="m-form" aria-labelledby="m-topic-title">
        <h1 id="m-topic-title" ref={heading}>
          {topic.title}
        </h1>
        <p className="m-card-meta">
          <StepBadge step={topic.step} status={topic.status} />
          <span>{t('residentConsult.community', { name: topic.communityName })}</span>
        </p>
        {topic.nodeName !== topic.communityName && <p className="m-note">{t('residentConsult.place2', { name: topic.nodeName })}</p>}
        {topic.categoryName && <p className="m-note">{t('residentConsult.category', { name: topic.categoryName })}</p>}
        <StepBar step={topic.step} status={topic.status} />
        <p className="m-text">{topic.description}</p>
        <p className="m-card-counts">
          <span>{t('residentConsult.supports', { count: topic.supports })}</span>
          <span>{t('residentConsult.comments', { count: topic.comments })}</span>
        </p>
      </article>

      {topic.options.length > 0 && (
        <section className="m-form" aria-labelledby="m-options-title">
          <h2 id="m-options-title">{t('residentConsult.options')}</h2>
          <ul className="m-list">
            {topic.options.map((o) => (
              <li key={o.id} data-testid="consult-option">
                <strong>{o.title}</strong>
                {o.description && <span>{o.description}</span>}
                {o.cost !== null && <span>{t('residentConsult.cost', { cost: o.cost.toLocaleString(lang === 'en' ? 'en' : 'zh-CN') })}</span>}
                {/* Links straight in the option's row (the list's rows are already columns with touch-sized links). */}
                {o.attachments.map((a) => (
                  <a key={a.id} href={optionAttachmentPath(a.id, 'public')} download={a.name} data-testid="consult-option-attachment">
                    {t('residentConsult.attachment', { name: a.name, size: fileSize(a.bytes) })}
                  </a>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      {topic.meetings.length > 0 && (
        <section className="m-form" aria-labelledby="m-meetings-title">
          <h2 id="m-meetings-title">{t('residentConsult.meetings')}</h2>
          <ul className="m-list">
            {topic.meetings.map((m) => (
              <li key={`${m.startsAt}-${m.place}`}>
                <span>
                  {t('residentConsult.meetingAt', {
                    form: pick(MEETING_FORM_LABELS[m.form as MeetingForm], lang, m.form),
                    time: formatTime(m.startsAt, lang),
                    place: m.place,
                  })}
                </span>
                <span className="m-status">{pick(MEETING_STATUS_LABELS[m.status as MeetingStatus], lang, m.status)}</span>
                {m.signInPath && (
                  <a
                    href={m.signInPath}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpen(m.signInPath!);
                    }}
                  >
                    {t('residentConsult.meetingSignIn')}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {(topic.decision || topic.outcome) && (
        <section className="m-form" aria-labelledby="m-decision-title">
          {topic.decision && (
            <>
              <h2 id="m-decision-title">{t('residentConsult.decision')}</h2>
              <p className="m-text">{topic.decision}</p>
            </>
          )}
          {topic.outcome && (
            <>
              <h2 id={topic.decision ? undefined : 'm-decision-title'}>{t('residentConsult.outcome')}</h2>
              <p className="m-text">{topic.outcome}</p>
              {topic.reviewDate && <p className="m-note">{t('residentConsult.reviewDate', { date: formatTime(topic.reviewDate, lang, true) })}</p>}
            </>
          )}
        </section>
      )}

      {panel}
      <TopicActions topic={topic} gate={gate} onChanged={reload} />
      <Comments topicId={topic.id} open={topic.status === 'active'} gate={gate} verified={resident.status === 'verified'} onPosted={reload} />
    </>
  );
}
