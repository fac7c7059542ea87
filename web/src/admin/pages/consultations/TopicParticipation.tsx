/**
 * 居民参与 on the topic detail page (GET …/participation): supports, comments, hidden and
 * reported counts; the comments with moderation; the online vote; the questionnaire; the
 * residents' ratings of the outcome.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Card, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RatingSummaryDto, TopicDetailDto, TopicParticipationDto } from '@xj/contracts';
import { api, isApiError } from '../../../shared/api';
import { EChart } from '../../components/EChart';
import { CommentModeration } from './CommentModeration';
import { TopicQuestionnaire } from './TopicQuestionnaire';
import { TopicVote } from './TopicVote';
import { barOption, summary } from './statsCharts';
import './TopicParticipation.css';

interface Props {
  topic: TopicDetailDto;
  manage: boolean;
  /** The topic itself changed (an online vote's decision): reload it. */
  onTopicChanged: () => void;
}

export function TopicParticipation({ topic, manage, onTopicChanged }: Props) {
  const { t } = useTranslation();
  const [data, setData] = useState<TopicParticipationDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setData(await api.get<TopicParticipationDto>(`/api/consultations/topics/${topic.id}/participation`, { silent: true }));
    } catch (e) {
      setError(isApiError(e) ? e.message : t('consultParticipation.loadFailed'));
    }
  }, [topic.id, t]);

  useEffect(() => {
    void load();
    // The topic's status and step decide what may be done here: reload with them.
  }, [load, topic.status, topic.step]);

  const counts = data
    ? ([
        ['supports', data.supports],
        ['comments', data.comments],
        ['hiddenComments', data.hiddenComments],
        ['reportedComments', data.reportedComments],
      ] as const)
    : [];

  return (
    <Card title={<h2 className="card-title">{t('consultParticipation.title')}</h2>} className="consult-card" data-testid="topic-participation">
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : !data ? (
        <Skeleton active />
      ) : (
        <div className="consult-participation">
          <div className="consult-participation-counts">
            {counts.map(([key, n]) => (
              <Statistic key={key} title={t(`consultParticipation.${key}`)} value={n} />
            ))}
          </div>
          <TopicVote
            topic={topic}
            vote={data.vote}
            manage={manage}
            onChanged={() => {
              void load();
              onTopicChanged();
            }}
          />
          <TopicQuestionnaire topic={topic} questionnaire={data.questionnaire} manage={manage} onChanged={() => void load()} />
          <TopicRatings topic={topic} rating={data.rating} />
          <CommentModeration topicId={topic.id} manage={manage} onChanged={() => void load()} />
        </div>
      )}
    </Card>
  );
}

function TopicRatings({ topic, rating }: { topic: TopicDetailDto; rating: RatingSummaryDto | null }) {
  const { t } = useTranslation();
  if (!rating?.count && topic.step !== 'evaluate' && topic.status !== 'evaluated') return null;
  const points = (rating?.distribution ?? []).map((n, i) => ({ name: t('consultParticipation.rating.stars', { n: i + 1 }), value: n }));
  return (
    <section data-testid="topic-rating" className="consult-participation-part">
      <Typography.Title level={3} className="consult-participation-title">
        {t('consultParticipation.rating.title')}
      </Typography.Title>
      {!rating?.count ? (
        <Typography.Text type="secondary">{t('consultParticipation.rating.none')}</Typography.Text>
      ) : (
        <div className="consult-rating">
          <Statistic title={t('consultParticipation.rating.average')} value={rating.average ?? '—'} suffix="/ 5" />
          <Typography.Text type="secondary">{t('consultParticipation.rating.count', { n: rating.count })}</Typography.Text>
          <EChart option={barOption(points, '#9a4d00', true)} height={5 * 28 + 30} label={t('consultParticipation.rating.chartAlt', { summary: summary(points) })} />
        </div>
      )}
    </section>
  );
}
