/**
 * 商量统计: headline numbers (meetings held, attendances, topics, satisfaction, days to
 * evaluation) and charts (meetings by form, topics by step, category and outcome, meetings per
 * month) for the caller's jurisdiction or a chosen subtree. Each chart's accessible name carries
 * its numbers.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AGENDA_KINDS, CONSULTATION_STEPS, MEETING_FORM_LABELS, MEETING_FORMS, TOPIC_STATUSES } from '@xj/contracts/domain';
import type { ConsultationStatsDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { pick } from '../../../shared/labels';
import type { consultationParticipationZhCN } from '../../../shared/locales/consultation-participation.zh-CN';
import { EChart, type ChartOption } from '../../components/EChart';
import { NodeTreeSelect } from '../../components/NodeTreeSelect';
import { PageHeader } from '../../components/PageHeader';
import { StatCards } from '../../components/StatCards';
import { ToneTag } from '../../components/ToneTag';
import { AGENDA_KIND_TONES, useConsultLabels } from './consultationLabels';
import { barOption, lineOption, pieOption, summary, type Point } from './statsCharts';

type StatsKey = keyof (typeof consultationParticipationZhCN)['consultParticipation']['stats'];

const KIND_COLORS = { allowed: '#2e7d32', excluded: '#b71c1c' } as const;

interface ChartCardProps {
  title: string;
  points: Point[];
  option: ChartOption;
  height?: number;
  extra?: ReactNode;
}

function ChartCard({ title, points, option, height = 280, extra }: ChartCardProps) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 className="card-title">{title}</h2>} className="chart-card" extra={extra}>
      {points.some((p) => p.value > 0) ? (
        <EChart option={option} height={height} label={t('consultParticipation.stats.chartAlt', { name: title, summary: summary(points) })} />
      ) : (
        <Empty description={t('common.noData')} />
      )}
    </Card>
  );
}

export default function ConsultationStatsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const labels = useConsultLabels();
  const [nodeId, setNodeId] = useState<number | undefined>();
  const [data, setData] = useState<ConsultationStatsDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const s = (key: StatsKey, opts?: Record<string, unknown>) => t(`consultParticipation.stats.${key}`, opts ?? {});

  const load = useCallback(async () => {
    setLoading(true);
    setFailed(false);
    try {
      setData(await api.get<ConsultationStatsDto>('/api/consultations/stats', { query: { nodeId } }));
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }, [nodeId]);

  useEffect(() => {
    void load();
  }, [load]);

  const charts = useMemo(() => {
    if (!data) return null;
    const forms: Point[] = MEETING_FORMS.map((f) => ({ name: pick(MEETING_FORM_LABELS[f], lang, f), value: data.byForm[f] }));
    const steps: Point[] = CONSULTATION_STEPS.map((st) => ({ name: labels.step(st), value: data.topicsByStep[st] }));
    const statuses: Point[] = TOPIC_STATUSES.map((st) => ({ name: labels.status(st), value: data.topicsByStatus[st] }));
    // The axis shows the name; the colour and the accessible name tell allowed from excluded.
    const categories: Point[] = data.topicsByCategory.map((c) => ({ name: c.name, label: `${c.name}（${labels.kind(c.kind)}）`, value: c.count, color: KIND_COLORS[c.kind] }));
    const months: Point[] = data.meetingsByMonth.map((m) => ({ name: m.month, value: m.meetings }));
    const attendances: Point[] = data.meetingsByMonth.map((m) => ({ name: m.month, value: m.attendances }));
    return { forms, steps, statuses, categories, months, attendances };
  }, [data, lang, labels]);

  const topics = data ? TOPIC_STATUSES.reduce((n, st) => n + data.topicsByStatus[st], 0) : 0;
  const headline: { key: StatsKey; value: number | null; suffix?: string; note?: string; color: string }[] = data
    ? [
        { key: 'meetings', value: data.meetings, color: '#b71c1c' },
        { key: 'attendances', value: data.attendances, color: '#0b5cad' },
        { key: 'topics', value: topics, color: '#2e7d32' },
        { key: 'satisfaction', value: data.satisfaction.average, note: s('satisfactionCount', { n: data.satisfaction.count }), color: '#9a4d00' },
        { key: 'daysToEvaluation', value: data.averageDaysToEvaluation, suffix: s('daysUnit'), note: s('evaluatedCount', { n: data.topicsByStatus.evaluated }), color: '#6a1b9a' },
      ]
    : [];

  return (
    <>
      <PageHeader
        title={s('title')}
        description={s('description')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card>
        <div className="filter-bar" role="search">
          <NodeTreeSelect aria-label={s('node')} className="filter-search" deep={false} placeholder={s('allNodes')} value={nodeId} onChange={setNodeId} />
        </div>
      </Card>
      {failed && <Alert type="error" showIcon title={s('loadFailed')} className="page-alert" />}
      {loading && !data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        data &&
        charts && (
          <>
            <StatCards items={headline.map((h) => ({ ...h, title: s(h.key) }))} none={s('none')} testId="consult-stat" />
            <Row gutter={[16, 16]} className="chart-row">
              <Col xs={24} xl={12}>
                <ChartCard title={s('byForm')} points={charts.forms} option={pieOption(charts.forms)} />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard title={s('byStep')} points={charts.steps} option={barOption(charts.steps, '#0b5cad')} />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard
                  title={s('byCategory')}
                  points={charts.categories}
                  option={barOption(charts.categories, KIND_COLORS.allowed, true)}
                  height={Math.max(240, charts.categories.length * 32)}
                  extra={
                    <Space size={4}>
                      {AGENDA_KINDS.map((k) => (
                        <ToneTag key={k} tone={AGENDA_KIND_TONES[k]}>
                          {labels.kind(k)}
                        </ToneTag>
                      ))}
                    </Space>
                  }
                />
              </Col>
              <Col xs={24} xl={12}>
                <ChartCard title={s('byStatus')} points={charts.statuses} option={barOption(charts.statuses, '#2e7d32')} />
              </Col>
              <Col xs={24}>
                <ChartCard
                  title={s('byMonth')}
                  points={[...charts.months, ...charts.attendances].map((p, i) => ({ ...p, name: `${p.name} ${i < charts.months.length ? s('meetings') : s('attendances')}` }))}
                  option={lineOption(charts.months.map((p) => p.name), [
                    { name: s('meetings'), values: charts.months.map((p) => p.value), color: '#b71c1c' },
                    { name: s('attendances'), values: charts.attendances.map((p) => p.value), color: '#0b5cad' },
                  ])}
                />
              </Col>
            </Row>
          </>
        )
      )}
    </>
  );
}
