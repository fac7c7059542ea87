/** The result of one rating, source by source: weight, the weight that counted, score, cards, and the missing-source rule when it applied. */
import { Alert, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { MISSING_SOURCE_RULE_LABELS, RATING_SOURCE_LABELS } from '@xj/contracts/domain';
import type { RatingResultDto, SourceResultDto } from '@xj/contracts';
import { ToneTag } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { points } from './ratingFormat';

export function RatingBreakdown({ result }: { result: RatingResultDto }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  return (
    <>
      <Table<SourceResultDto>
        rowKey="source"
        size="small"
        pagination={false}
        dataSource={result.sources}
        scroll={{ x: 560 }}
        columns={[
          { title: t('ratings.scheme.source'), dataIndex: 'source', render: (s: SourceResultDto['source']) => label(RATING_SOURCE_LABELS, s) },
          { title: t('ratings.scheme.weight'), dataIndex: 'weight', width: 70, align: 'right', render: (w: number) => `${w}%` },
          { title: t('ratings.breakdown.applied'), dataIndex: 'appliedWeight', width: 90, align: 'right', render: (w: number) => `${w}%` },
          { title: t('ratings.breakdown.score'), dataIndex: 'score', width: 80, align: 'right', render: points },
          { title: t('ratings.breakdown.cards'), dataIndex: 'scorecards', width: 70, align: 'right' },
          {
            title: t('ratings.breakdown.state'),
            dataIndex: 'missing',
            width: 90,
            render: (missing: boolean) => (missing ? <ToneTag tone="orange">{t('ratings.breakdown.missing')}</ToneTag> : <ToneTag tone="green">{t('ratings.breakdown.counted')}</ToneTag>),
          },
        ]}
      />
      {result.missingSources.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={t('ratings.breakdown.missingTitle', { sources: result.missingSources.map((s) => label(RATING_SOURCE_LABELS, s)).join(t('ratings.breakdown.listSep')) })}
          description={t('ratings.breakdown.ruleText', { rule: label(MISSING_SOURCE_RULE_LABELS, result.rule) })}
        />
      )}
    </>
  );
}
