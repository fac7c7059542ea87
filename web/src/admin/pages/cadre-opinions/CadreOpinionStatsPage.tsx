/**
 * 征求意见统计: headline figures (requests, share answered, days to answer, overdue) and charts
 * (requests per year by status, the answers given), optionally for requests made within a date
 * range. Each chart's accessible name carries its numbers.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Skeleton } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { CADRE_OPINION_ANSWER_LABELS, CADRE_OPINION_ANSWERS } from '@xj/contracts/domain';
import type { CadreOpinionStatsDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import type { cadreOpinionsZhCN } from '../../../shared/locales/cadre-opinions.zh-CN';
import { EChart, type ChartOption } from '../../components/EChart';
import { PageHeader } from '../../components/PageHeader';
import { StatCards } from '../../components/StatCards';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { pieOption, summary, type Point } from '../consultations/statsCharts';

type StatsKey = keyof (typeof cadreOpinionsZhCN)['cadreOpinions']['stats'];
type Range = [Dayjs | null, Dayjs | null] | null;

const STATUS_COLORS = { answered: '#2e7d32', pending: '#9a4d00', withdrawn: '#757575' } as const;
const ANSWER_COLORS = ['#2e7d32', '#b07d00', '#b71c1c'];
const AXIS_TEXT = '#333';

function yearsOption(data: CadreOpinionStatsDto, names: Record<keyof typeof STATUS_COLORS, string>): ChartOption {
  const keys = Object.keys(STATUS_COLORS) as (keyof typeof STATUS_COLORS)[];
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { color: AXIS_TEXT } },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.byYear.map((y) => String(y.year)), axisLabel: { color: AXIS_TEXT } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: AXIS_TEXT } },
    series: keys.map((k) => ({
      type: 'bar',
      name: names[k],
      stack: 'requests',
      barMaxWidth: 40,
      itemStyle: { color: STATUS_COLORS[k] },
      data: data.byYear.map((y) => y[k]),
    })),
  };
}

export default function CadreOpinionStatsPage() {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const [range, setRange] = useState<Range>(null);
  const [data, setData] = useState<CadreOpinionStatsDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const s = useCallback((key: StatsKey, opts?: Record<string, unknown>) => t(`cadreOpinions.stats.${key}`, opts ?? {}), [t]);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');

  const load = useCallback(async () => {
    setLoading(true);
    setFailed(false);
    try {
      setData(await api.get<CadreOpinionStatsDto>('/api/cadre-opinions/stats', { query: { from, to } }));
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }, [from, to]);

  useEffect(() => {
    void load();
  }, [load]);

  const charts = useMemo(() => {
    if (!data) return null;
    const names = { answered: s('answered'), pending: s('pending'), withdrawn: s('withdrawn') };
    const answers: Point[] = CADRE_OPINION_ANSWERS.map((a) => ({ name: label(CADRE_OPINION_ANSWER_LABELS, a), value: data.byAnswer[a] }));
    const yearsAlt = data.byYear.map((y) => s('yearSummary', y)).join('；');
    return { years: yearsOption(data, names), yearsAlt, answers };
  }, [data, label, s]);

  const headline: { key: StatsKey; value: number | string | null; suffix?: string; note?: string; color: string }[] = data
    ? [
        { key: 'total', value: data.total, color: '#b71c1c' },
        { key: 'answeredShare', value: data.answeredShare === null ? null : `${(data.answeredShare * 100).toFixed(1)}%`, note: s('answeredShareNote'), color: '#2e7d32' },
        { key: 'medianDays', value: data.medianDaysToAnswer, suffix: s('daysUnit'), color: '#0b5cad' },
        { key: 'meanDays', value: data.meanDaysToAnswer, suffix: s('daysUnit'), color: '#6a1b9a' },
        { key: 'overdue', value: data.overdue, color: '#a8071a' },
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
        <div className="filter-bar" role="search" aria-label={s('range')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} aria-label={s('range')} value={range} onChange={(v) => setRange(v)} />
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
            <StatCards items={headline.map((h) => ({ ...h, title: s(h.key) }))} none={s('none')} testId="cadre-stat" />
            <Row gutter={[16, 16]} className="chart-row">
              <Col xs={24} xl={14}>
                <Card title={<h2 className="card-title">{s('byYear')}</h2>} className="chart-card">
                  {data.byYear.length ? (
                    <EChart option={charts.years} height={300} label={s('chartAlt', { name: s('byYear'), summary: charts.yearsAlt })} />
                  ) : (
                    <Empty description={t('common.noData')} />
                  )}
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card title={<h2 className="card-title">{s('byAnswer')}</h2>} className="chart-card">
                  {charts.answers.some((p) => p.value > 0) ? (
                    <EChart option={{ ...pieOption(charts.answers), color: ANSWER_COLORS }} height={300} label={s('chartAlt', { name: s('byAnswer'), summary: summary(charts.answers) })} />
                  ) : (
                    <Empty description={t('common.noData')} />
                  )}
                </Card>
              </Col>
            </Row>
          </>
        )
      )}
    </>
  );
}
