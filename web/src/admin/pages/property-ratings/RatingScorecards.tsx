/** The scorecards of one rating: who scored, the weighted score, each indicator's points and the comment. */
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { RATING_SOURCE_LABELS } from '@xj/contracts/domain';
import type { PropertyRatingDto, RatingScorecardDto } from '@xj/contracts';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { dateTime, points } from './ratingFormat';

export function RatingScorecards({ rating }: { rating: PropertyRatingDto }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const order = rating.scheme.sources.map((s) => s.source);
  const cards = [...rating.scorecards].sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source) || a.id - b.id);
  return (
    <Table<RatingScorecardDto>
      rowKey="id"
      size="small"
      dataSource={cards}
      pagination={cards.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 720 }}
      locale={{ emptyText: t('ratings.cards.none') }}
      columns={[
        { title: t('ratings.scheme.source'), dataIndex: 'source', width: 130, render: (s: RatingScorecardDto['source']) => label(RATING_SOURCE_LABELS, s) },
        { title: t('ratings.cards.by'), dataIndex: 'byName', width: 90, render: (v: string | null) => v ?? t('ratings.cards.anonymous') },
        { title: t('ratings.breakdown.score'), dataIndex: 'score', width: 70, align: 'right', render: points },
        {
          title: t('ratings.cards.scores'),
          key: 'scores',
          render: (_: unknown, c) => rating.scheme.indicators.map((i) => `${i.name} ${c.scores[i.code] ?? '—'}`).join(' · '),
        },
        { title: t('ratings.cards.comment'), dataIndex: 'comment', width: 160, render: (v: string | null) => v || '—' },
        { title: t('ratings.cards.submittedAt'), dataIndex: 'updatedAt', width: 140, render: dateTime },
      ]}
    />
  );
}
