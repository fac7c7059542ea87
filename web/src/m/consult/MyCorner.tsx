import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentNoticeDto } from '@xj/contracts';
import { topicPublicPath, PUBLIC_TOPIC_STATUSES } from '@xj/contracts/domain';
import { consultApi, formatTime, type MyTopic } from './consultApi';
import { StepBadge } from './StepBar';

/** A verified resident's messages (消息, unread count) and the topics they raised with the screening outcome. */
export function MyCorner({ onOpen }: { onOpen: (url: string) => void }) {
  const { t, i18n } = useTranslation();
  const [notices, setNotices] = useState<{ data: ResidentNoticeDto[]; unread: number } | null>(null);
  const [mine, setMine] = useState<MyTopic[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [marked, setMarked] = useState(false);

  useEffect(() => {
    consultApi.notices().then(setNotices, (e: Error) => setError(e.message));
    consultApi.myTopics().then((r) => setMine(r.data), (e: Error) => setError(e.message));
  }, []);

  const markRead = async () => {
    try {
      await consultApi.readNotices();
      setNotices((n) => n && { unread: 0, data: n.data.map((x) => ({ ...x, read: true })) });
      setMarked(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const link = (id: number) => (e: React.MouseEvent) => {
    e.preventDefault();
    onOpen(topicPublicPath(id));
  };
  const isPublic = (status: string) => (PUBLIC_TOPIC_STATUSES as readonly string[]).includes(status);

  return (
    <>
      {error && (
        <p className="m-error m-banner" role="alert">
          {t('residentConsult.loadFailed', { message: error })}
        </p>
      )}
      <section className="m-form" aria-labelledby="m-notices-title" data-testid="consult-notices">
        <h2 id="m-notices-title">
          {t('residentConsult.notices')}
          {notices && notices.unread > 0 && <span className="m-count">{t('residentConsult.unread', { count: notices.unread })}</span>}
        </h2>
        {notices && notices.data.length === 0 && <p className="m-note">{t('residentConsult.noNotices')}</p>}
        <ul className="m-list">
          {notices?.data.map((n) => (
            <li key={n.id} className={n.read ? undefined : 'm-unread'}>
              <strong>{t(`residentConsult.noticeKinds.${n.kind}`)}</strong>
              <span>{n.text}</span>
              <time dateTime={n.createdAt}>{formatTime(n.createdAt, i18n.language)}</time>
            </li>
          ))}
        </ul>
        {notices && notices.unread > 0 && (
          <button type="button" className="m-button m-secondary" onClick={() => void markRead()}>
            {t('residentConsult.markRead')}
          </button>
        )}
        <p className="m-note" role="status">
          {marked ? t('residentConsult.markedRead') : ''}
        </p>
      </section>
      <section className="m-form" aria-labelledby="m-mine-title" data-testid="consult-my-topics">
        <h2 id="m-mine-title">{t('residentConsult.myTopics')}</h2>
        {mine && mine.length === 0 && <p className="m-note">{t('residentConsult.myEmpty')}</p>}
        <ul className="m-list">
          {mine?.map((topic) => (
            <li key={topic.id}>
              {isPublic(topic.status) ? (
                <a href={topicPublicPath(topic.id)} onClick={link(topic.id)}>
                  {topic.title}
                </a>
              ) : (
                <strong>{topic.title}</strong>
              )}
              <span>
                <StepBadge step={topic.step} status={topic.status} />
              </span>
              {topic.rejectionReason && <span className="m-error">{t('residentConsult.rejectionReason', { reason: topic.rejectionReason })}</span>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
