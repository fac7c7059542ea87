/** One scheme version in full: indicators, sources (the branch's weight set apart), grades with their ranges, and the rules. */
import { Alert, Card, Col, Descriptions, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MISSING_SOURCE_RULE_LABELS, RATING_SOURCE_LABELS } from '@xj/contracts/domain';
import type { RatingGrade, RatingIndicator, RatingSchemeDto, RatingSourceWeight } from '@xj/contracts';
import { ToneTag } from '../../components/ToneTag';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { dateTime } from './ratingFormat';
import { GradeSwatch } from './RatingTags';

/** "90 – 100", "80 – 89.99": each grade runs from its threshold up to just below the next higher one. */
function gradeRange(grades: readonly RatingGrade[], i: number): string {
  const g = grades[i]!;
  const above = grades[i - 1];
  return above ? `${g.min} ≤ x < ${above.min}` : `${g.min} ≤ x ≤ 100`;
}

export function SchemeView({ scheme }: { scheme: RatingSchemeDto }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const branch = scheme.sources.find((s) => s.source === 'branch');

  return (
    <>
      {scheme.isDefault && <Alert type="warning" showIcon title={t('ratings.scheme.defaultNotice')} style={{ marginBottom: 16 }} />}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: t('ratings.scheme.name'), children: scheme.name },
          { key: 'version', label: t('ratings.scheme.version'), children: t('ratings.scheme.versionValue', { version: scheme.version }) },
          { key: 'rule', label: t('ratings.scheme.missingRule'), children: label(MISSING_SOURCE_RULE_LABELS, scheme.missingSourceRule), span: 2 },
          { key: 'survey', label: t('ratings.scheme.surveyMin'), children: t('ratings.scheme.surveyMinValue', { n: scheme.surveyMinAnswers }) },
          { key: 'days', label: t('ratings.scheme.rectificationDays'), children: t('ratings.scheme.daysValue', { n: scheme.rectificationDays }) },
          { key: 'by', label: t('ratings.scheme.createdBy'), children: `${scheme.createdByName ?? t('ratings.scheme.platform')} · ${dateTime(scheme.createdAt)}` },
          { key: 'periods', label: t('ratings.scheme.periodsUsing'), children: scheme.periods },
          ...(scheme.note ? [{ key: 'note', label: t('ratings.scheme.note'), children: scheme.note, span: 2 }] : []),
        ]}
      />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ratings.scheme.sources')}>
            {branch && (
              <Statistic
                className="rating-branch-weight"
                title={t('ratings.scheme.branchWeight')}
                value={branch.weight}
                suffix="%"
                styles={{ content: { color: '#a8071a', fontWeight: 600 } }}
              />
            )}
            <Table<RatingSourceWeight>
              rowKey="source"
              size="small"
              pagination={false}
              dataSource={scheme.sources}
              columns={[
                {
                  title: t('ratings.scheme.source'),
                  dataIndex: 'source',
                  render: (s: RatingSourceWeight['source']) => (
                    <>
                      {label(RATING_SOURCE_LABELS, s)} {s === 'branch' && <ToneTag tone="red">{t('ratings.scheme.partyLed')}</ToneTag>}
                    </>
                  ),
                },
                { title: t('ratings.scheme.weight'), dataIndex: 'weight', width: 90, align: 'right', render: (w: number, r) => (r.source === 'branch' ? <strong>{w}%</strong> : `${w}%`) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('ratings.scheme.sum')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{`${scheme.sources.reduce((s, x) => s + x.weight, 0)}%`}</Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ratings.scheme.indicators')}>
            <Table<RatingIndicator>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={scheme.indicators}
              columns={[
                { title: t('ratings.scheme.indicator'), dataIndex: 'name' },
                { title: t('ratings.scheme.code'), dataIndex: 'code', render: (c: string) => <span className="mono">{c}</span> },
                { title: t('ratings.scheme.weight'), dataIndex: 'weight', width: 90, align: 'right', render: (w: number) => `${w}%` },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>{t('ratings.scheme.sum')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{`${scheme.indicators.reduce((s, x) => s + x.weight, 0)}%`}</Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('ratings.scheme.grades')}>
            <Table<RatingGrade>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={scheme.grades}
              columns={[
                {
                  title: t('ratings.scheme.grade'),
                  dataIndex: 'name',
                  render: (name: string, g) => (
                    <>
                      <GradeSwatch colour={g.colour} />
                      {name}
                    </>
                  ),
                },
                { title: t('ratings.scheme.colour'), dataIndex: 'colour', width: 110, render: (c: string) => <span className="mono">{c}</span> },
                { title: t('ratings.scheme.range'), key: 'range', render: (_: unknown, _g, i) => gradeRange(scheme.grades, i) },
                {
                  title: t('ratings.scheme.consequence'),
                  dataIndex: 'low',
                  render: (low: boolean) => (low ? <ToneTag tone="orange">{t('ratings.scheme.lowConsequence', { days: scheme.rectificationDays })}</ToneTag> : '—'),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('ratings.scheme.gradeRule')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
