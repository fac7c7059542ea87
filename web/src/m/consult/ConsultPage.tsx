import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { topicPublicPath } from '@xj/contracts/domain';
import { consultApi } from './consultApi';
import { StepBadge } from './StepBar';
import { RaiseTopic } from './RaiseTopic';
import { MyCorner } from './MyCorner';
import { useVerifyGate } from './VerifyGate';
import { useMorePages } from '../useMorePages';

/** /m/consult: the public topics, raising one, and (verified) my topics and messages. */
export default function ConsultPage({ onOpen }: { onOpen: (url: string) => void }) {
  const { t } = useTranslation();
  const { resident, gate, panel } = useVerifyGate();
  const { items: topics, total, page, state, load } = useMorePages(consultApi.topics);
  const [mineVersion, setMineVersion] = useState(0);

  const open = (id: number) => (e: React.MouseEvent) => {
    e.preventDefault();
    onOpen(topicPublicPath(id));
  };
  const failed = state !== 'loading' && state !== 'ready';

  return (
    <>
      <div className="m-form">
        <h1>{t('residentConsult.title')}</h1>
        <p className="m-intro">{t('residentConsult.intro')}</p>
      </div>
      {resident.status === 'verified' && <MyCorner key={mineVersion} onOpen={onOpen} />}
      <RaiseTopic gate={gate} onRaised={() => setMineVersion((v) => v + 1)} />
      {panel}
      <section aria-labelledby="m-topics-title" aria-busy={state === 'loading'}>
        <h2 id="m-topics-title">{t('residentConsult.listTitle')}</h2>
        {failed && (
          <p className="m-error m-banner" role="alert">
            {t('residentConsult.loadFailed', { message: state })}{' '}
            <button type="button" className="m-link m-inline-link" onClick={() => void load(page)}>
              {t('residentConsult.retry')}
            </button>
          </p>
        )}
        {state === 'ready' && topics.length === 0 && <p className="m-note">{t('residentConsult.empty')}</p>}
        <ul className="m-cards">
          {topics.map((topic) => (
            <li key={topic.id} className="m-card" data-testid="consult-topic">
              <a href={topicPublicPath(topic.id)} onClick={open(topic.id)}>
                <span className="m-card-title">{topic.title}</span>
                <span className="m-card-meta">
                  <StepBadge step={topic.step} status={topic.status} />
                  <span>{topic.nodeName === topic.communityName ? topic.communityName : `${topic.communityName} · ${topic.nodeName}`}</span>
                </span>
                <span className="m-card-counts">
                  <span>{t('residentConsult.supports', { count: topic.supports })}</span>
                  <span>{t('residentConsult.comments', { count: topic.comments })}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
        {state === 'loading' && <p className="m-note">{t('residentConsult.loading')}</p>}
        {state === 'ready' && topics.length < total && (
          <button type="button" className="m-button m-secondary" onClick={() => void load(page + 1)}>
            {t('residentConsult.more')}
          </button>
        )}
      </section>
    </>
  );
}
