/**
 * 工单 · 考核指标: the rates the county reads (response, on time, resolution, satisfaction),
 * per community, commissioner, category or month, as charts and as a table of numerators and
 * denominators. Every name carries its written definition as a tooltip (contracts/src/ticket-rates.ts).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Empty, Row, Segmented, Skeleton, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  TICKET_AVERAGES,
  TICKET_RATE_COUNT_LABELS,
  TICKET_RATE_COUNTS,
  TICKET_RATE_DEFINITIONS,
  TICKET_RATE_GROUPING_LABELS,
  TICKET_RATE_GROUPINGS,
  TICKET_RATES,
  TICKET_RATES_COHORT,
  type TicketAverage,
  type TicketRate,
  type TicketRateGrouping,
} from '@xj/contracts/domain';
import type { TicketRateFiguresDto, TicketRatesDto } from '@xj/contracts';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { pick } from '../../shared/labels';
import { EChart, type ChartOption } from '../components/EChart';
import { NodeTreeSelect } from '../components/NodeTreeSelect';
import { PageHeader } from '../components/PageHeader';

type Measure = TicketRate | TicketAverage;
type Row = TicketRateFiguresDto & { key: string; label: string };

const RATE_COLORS: Record<Measure, string> = {
  response: '#b71c1c',
  onTime: '#0b5cad',
  resolution: '#2e7d32',
  satisfaction: '#9a4d00',
  strictSatisfaction: '#6a1b9a',
  hoursToAccept: '#37474f',
  hoursToClose: '#455a64',
};

/** The last twelve months, this one included. */
const defaultPeriod = (): [Dayjs, Dayjs] => [dayjs().subtract(11, 'month').startOf('month'), dayjs()];

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

function MeasureName({ measure, lang }: { measure: Measure; lang: string }) {
  const d = TICKET_RATE_DEFINITIONS[measure];
  return (
    <Tooltip title={pick(d.definition, lang)}>
      <span>
        {pick(d.name, lang)} <QuestionCircleOutlined aria-hidden />
      </span>
    </Tooltip>
  );
}

export default function TicketRatesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [period, setPeriod] = useState<[Dayjs, Dayjs] | null>(defaultPeriod);
  const [nodeId, setNodeId] = useState<number | undefined>();
  const [groupBy, setGroupBy] = useState<TicketRateGrouping>('community');
  const [data, setData] = useState<TicketRatesDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setFailed(false);
    try {
      setData(
        await api.get<TicketRatesDto>('/api/tickets/rates', {
          query: { groupBy, nodeId, from: period?.[0].format('YYYY-MM-DD'), to: period?.[1].format('YYYY-MM-DD') },
        }),
      );
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }, [groupBy, nodeId, period]);

  useEffect(() => {
    void load();
  }, [load]);

  const rows = useMemo<Row[]>(() => (data?.groups ?? []).map((g) => ({ ...g, label: g.label ?? t('ticketRates.unassigned') })), [data, t]);

  const ratioText = useCallback(
    (r: { numerator: number; denominator: number; rate: number | null }) =>
      r.rate === null ? `${r.numerator}/${r.denominator} (${t('ticketRates.noRate')})` : `${r.numerator}/${r.denominator} (${percent(r.rate)}%)`,
    [t],
  );
  const hoursText = useCallback((h: { hours: number | null; count: number }) => (h.hours === null ? t('ticketRates.noRate') : t('ticketRates.hoursUnit', { hours: h.hours })), [t]);
  const valueText = useCallback(
    (f: TicketRateFiguresDto, m: Measure) => ((TICKET_RATES as readonly string[]).includes(m) ? ratioText(f[m as TicketRate]) : hoursText(f[m as TicketAverage])),
    [ratioText, hoursText],
  );

  const chartOf = useCallback(
    (m: Measure): ChartOption => {
      const isRate = (TICKET_RATES as readonly string[]).includes(m);
      return {
        color: [RATE_COLORS[m]],
        aria: { enabled: true },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (params: unknown) => {
            const p = (Array.isArray(params) ? params[0] : params) as { dataIndex: number } | undefined;
            const row = p && rows[p.dataIndex];
            return row ? `${row.label}<br/>${valueText(row, m)}` : '';
          },
        },
        grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { color: '#333', rotate: rows.length > 6 ? 30 : 0, interval: 0, width: 90, overflow: 'truncate' } },
        yAxis: isRate ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', color: '#444' } } : { type: 'value', axisLabel: { formatter: '{value} h', color: '#444' } },
        series: [
          {
            type: 'bar',
            name: pick(TICKET_RATE_DEFINITIONS[m].name, lang),
            barMaxWidth: 28,
            data: rows.map((r) => (isRate ? percent(r[m as TicketRate].rate) : r[m as TicketAverage].hours) ?? '-'),
            label: { show: rows.length <= 12, position: 'top', color: '#333', formatter: isRate ? '{c}%' : '{c}' },
            itemStyle: { borderRadius: [4, 4, 0, 0] },
          },
        ],
      };
    },
    [rows, lang, valueText],
  );

  const columns = useMemo<ColumnsType<Row>>(
    () => [
      { title: t('ticketRates.group'), dataIndex: 'label', key: 'label', fixed: 'left', width: 140 },
      ...TICKET_RATE_COUNTS.map((k) => ({
        title: pick(TICKET_RATE_COUNT_LABELS[k], lang),
        key: k,
        align: 'right' as const,
        render: (_: unknown, r: Row) => r.counts[k],
      })),
      ...[...TICKET_RATES, ...TICKET_AVERAGES].map((m) => ({
        title: <MeasureName measure={m} lang={lang} />,
        key: m,
        align: 'right' as const,
        render: (_: unknown, r: Row) => valueText(r, m),
      })),
    ],
    [t, lang, valueText],
  );

  const overallRow: Row | null = data ? { ...data.overall, key: '__overall', label: t('ticketRates.overall') } : null;

  return (
    <>
      <PageHeader
        title={t('ticketRates.title')}
        description={data?.node ? `${t('ticketRates.node')}：${data.node.name}` : t('ticketRates.description')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card>
        <div className="filter-bar" role="search">
          <Space>
            <span>{t('ticketRates.period')}</span>
            <DatePicker.RangePicker
              aria-label={t('ticketRates.period')}
              value={period}
              onChange={(v) => setPeriod(v?.[0] && v[1] ? [v[0], v[1]] : null)}
              allowClear
            />
          </Space>
          <NodeTreeSelect
            aria-label={t('ticketRates.node')}
            className="filter-search"
            deep={false}
            placeholder={t('ticketRates.allNodes')}
            value={nodeId}
            onChange={setNodeId}
          />
          <Segmented<TicketRateGrouping>
            aria-label={t('ticketRates.groupBy')}
            value={groupBy}
            onChange={setGroupBy}
            options={TICKET_RATE_GROUPINGS.map((g) => ({ value: g, label: pick(TICKET_RATE_GROUPING_LABELS[g], lang) }))}
          />
        </div>
        <Typography.Text type="secondary">{pick(TICKET_RATES_COHORT, lang)}</Typography.Text>
      </Card>
      {failed && <Alert type="error" showIcon title={t('ticketRates.loadFailed')} className="page-alert" />}
      <div className="stat-grid">
        {[...TICKET_RATES, ...TICKET_AVERAGES].map((m) => {
          const isRate = (TICKET_RATES as readonly string[]).includes(m);
          const value = data ? (isRate ? percent(data.overall[m as TicketRate].rate) : data.overall[m as TicketAverage].hours) : null;
          return (
            <Card key={m} className="stat-card" size="small" variant="borderless">
              <div>
                <Statistic
                  title={<MeasureName measure={m} lang={lang} />}
                  value={value ?? t('ticketRates.noRate')}
                  suffix={value === null ? undefined : isRate ? '%' : 'h'}
                  loading={loading && !data}
                  styles={{ content: { color: RATE_COLORS[m], fontWeight: 600 } }}
                />
                {data && (
                  <Typography.Text type="secondary">
                    {isRate
                      ? `${data.overall[m as TicketRate].numerator}/${data.overall[m as TicketRate].denominator}`
                      : `n = ${data.overall[m as TicketAverage].count}`}
                  </Typography.Text>
                )}
              </div>
            </Card>
          );
        })}
      </div>
      <Row gutter={[16, 16]} className="chart-row">
        {[...TICKET_RATES, ...TICKET_AVERAGES].map((m) => (
          <Col key={m} xs={24} xl={12}>
            <Card title={<h2 className="card-title"><MeasureName measure={m} lang={lang} /></h2>} className="chart-card">
              {loading && !data ? (
                <Skeleton active />
              ) : rows.length > 0 ? (
                <EChart
                  option={chartOf(m)}
                  height={300}
                  label={t('ticketRates.chartAlt', { name: pick(TICKET_RATE_DEFINITIONS[m].name, lang), summary: rows.map((r) => `${r.label} ${valueText(r, m)}`).join('，') })}
                />
              ) : (
                <Empty description={t('common.noData')} />
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={<h2 className="card-title">{t('ticketRates.table')}</h2>} className="chart-card">
        <Table<Row>
          rowKey="key"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={overallRow ? [...rows, overallRow] : rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <Card title={<h2 className="card-title">{t('ticketRates.definitions')}</h2>} className="chart-card">
        <Descriptions
          column={1}
          size="small"
          bordered
          items={[...TICKET_RATES, ...TICKET_AVERAGES].map((m) => ({
            key: m,
            label: pick(TICKET_RATE_DEFINITIONS[m].name, lang),
            children: pick(TICKET_RATE_DEFINITIONS[m].definition, lang),
          }))}
        />
      </Card>
      {data && (
        <Typography.Paragraph type="secondary" className="computed-at">
          {t('ticketRates.computedAt', { time: formatDateTime(data.computedAt) })}
        </Typography.Paragraph>
      )}
    </>
  );
}
