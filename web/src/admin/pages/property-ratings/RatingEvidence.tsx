/** The evidence beside a rating's scores: the stewards' inspections in the period and the survey's mean per indicator. */
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { INSPECTION_SEVERITY_LABELS } from '@xj/contracts/domain';
import type { PropertyRatingDto } from '@xj/contracts';
import { ToneTag, type Tone } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { dateTime, points } from './ratingFormat';

type Latest = PropertyRatingDto['evidence']['latest'][number];
const SEVERITY_TONES: Record<Latest['severity'], Tone> = { good: 'green', minor: 'orange', serious: 'red' };

export function RatingEvidence({ rating }: { rating: PropertyRatingDto }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const { inspections, latest, surveyMeans } = rating.evidence;
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 2, md: 4 }}
        items={[
          { key: 'total', label: t('ratings.evidence.inspections'), children: inspections.total },
          { key: 'good', label: label(INSPECTION_SEVERITY_LABELS, 'good'), children: inspections.good },
          { key: 'minor', label: label(INSPECTION_SEVERITY_LABELS, 'minor'), children: inspections.minor },
          { key: 'serious', label: label(INSPECTION_SEVERITY_LABELS, 'serious'), children: inspections.serious },
        ]}
      />
      {latest.length > 0 && (
        <>
          <Typography.Title level={4} style={{ marginTop: 16 }}>
            {t('ratings.evidence.latest')}
          </Typography.Title>
          <Table<Latest>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={latest}
            scroll={{ x: 640 }}
            columns={[
              { title: t('ratings.evidence.time'), dataIndex: 'createdAt', width: 140, render: dateTime },
              { title: t('ratings.scheme.indicator'), dataIndex: 'indicatorName', width: 100 },
              { title: t('ratings.evidence.severity'), dataIndex: 'severity', width: 90, render: (s: Latest['severity']) => <ToneTag tone={SEVERITY_TONES[s]}>{label(INSPECTION_SEVERITY_LABELS, s)}</ToneTag> },
              { title: t('ratings.evidence.finding'), dataIndex: 'finding' },
              { title: t('ratings.evidence.steward'), dataIndex: 'stewardName', width: 90 },
              {
                title: t('ratings.evidence.extras'),
                key: 'extras',
                width: 120,
                render: (_: unknown, r) =>
                  [r.photos > 0 ? t('ratings.evidence.photos', { n: r.photos }) : null, r.ticketId ? t('ratings.evidence.ticket', { id: r.ticketId }) : null].filter(Boolean).join('，') || '—',
              },
            ]}
          />
        </>
      )}
      <Typography.Title level={4} style={{ marginTop: 16 }}>
        {t('ratings.evidence.surveyMeans')}
      </Typography.Title>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={rating.scheme.indicators.map((i) => ({ key: i.code, label: i.name, children: points(surveyMeans[i.code] ?? null) }))}
      />
    </>
  );
}
