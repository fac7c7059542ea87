/** 智慧大脑 · 驾驶舱 (console): every cockpit figure for a node, with breadcrumb drill-down kept in ?nodeId=. */
import { Alert, Breadcrumb, Button, Card, Col, Empty, List, Row, Skeleton, Space, Table, Typography, type TableProps } from 'antd';
import { DesktopOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CockpitSummaryDto } from '@xj/contracts';
import { formatDateTime } from '../../shared/format';
import { EChart } from '../components/EChart';
import { PageHeader } from '../components/PageHeader';
import { StatCards, type StatCardItem } from '../components/StatCards';
import { PATHS } from '../routes';
import * as charts from './cockpit/cockpitCharts';
import { useCockpit } from './cockpit/useCockpit';

type Child = CockpitSummaryDto['children'][number];
const COUNT_KEYS = ['communities', 'compounds', 'branches', 'partyMembers', 'stewards', 'redShops', 'gigWorkers', 'people', 'stations', 'serviceRooms'] as const;

function ChartCard({ title, children, extra }: { title: string; children: React.ReactNode; extra?: React.ReactNode }) {
  return (
    <Card title={<h2 className="card-title">{title}</h2>} className="chart-card" extra={extra}>
      {children}
    </Card>
  );
}

export default function CockpitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, loading, failed, reload, nodeId, drill } = useCockpit();
  const s = charts.screenT(t);
  const none = s('none');

  const counts: StatCardItem[] = data ? COUNT_KEYS.map((k, i) => ({ key: k, title: s(`counts.${k}`), value: data.counts[k], color: i % 2 ? '#0b5cad' : '#b71c1c' })) : [];
  const ticketCards: StatCardItem[] = data
    ? [
        { key: 'open', title: s('tickets.open'), value: data.tickets.open, color: '#b71c1c' },
        { key: 'overdue', title: s('tickets.overdue'), value: data.tickets.overdue, color: '#d4380d' },
        { key: 'received', title: s('tickets.receivedThisMonth'), value: data.tickets.receivedThisMonth, color: '#0b5cad' },
        { key: 'closed', title: s('tickets.closedThisMonth'), value: data.tickets.closedThisMonth, color: '#2e7d32' },
        { key: 'response', title: s('tickets.response'), value: charts.pct(data.tickets.response.rate, none), color: '#0b5cad' },
        { key: 'resolution', title: s('tickets.resolution'), value: charts.pct(data.tickets.resolution.rate, none), color: '#0b5cad' },
        { key: 'satisfaction', title: s('tickets.satisfaction'), value: charts.pct(data.tickets.satisfaction.rate, none), color: '#2e7d32' },
      ]
    : [];
  const otherCards: StatCardItem[] = data
    ? [
        { key: 'meetings', title: s('consultations.meetings'), value: data.consultations.meetings, color: '#b71c1c' },
        { key: 'attendances', title: s('consultations.attendances'), value: data.consultations.attendances, color: '#b71c1c' },
        { key: 'hours', title: s('volunteering.hours'), value: data.volunteering.hours, color: '#2e7d32' },
        { key: 'volunteers', title: s('volunteering.activeVolunteers'), value: data.volunteering.activeVolunteers, color: '#2e7d32' },
        { key: 'issued', title: s('volunteering.pointsIssued'), value: data.volunteering.pointsIssued, color: '#9a4d00' },
        { key: 'redeemed', title: s('volunteering.pointsRedeemed'), value: data.volunteering.pointsRedeemed, color: '#9a4d00' },
        { key: 'visitors', title: s('stations.visitors'), value: data.stations.visitorsThisMonth, color: '#b71c1c' },
        { key: 'fundingUsed', title: `${s('funding.used')}（${data.funding.year}）`, value: charts.pct(data.funding.used, none), color: '#0b5cad' },
      ]
    : [];

  const columns: TableProps<Child>['columns'] = [
    {
      title: s('children.name'),
      dataIndex: 'name',
      render: (name: string, k) => (
        <Button type="link" className="cockpit-drill" onClick={() => drill(k.id)} aria-label={s('drill', { name })}>
          {name}
        </Button>
      ),
    },
    { title: s('children.openTickets'), dataIndex: 'openTickets', align: 'right' },
    { title: s('children.overdueTickets'), dataIndex: 'overdueTickets', align: 'right' },
    { title: s('children.satisfaction'), key: 'sat', align: 'right', render: (_: unknown, k) => charts.pct(k.satisfaction.rate, none) },
    { title: s('children.compounds'), dataIndex: 'compounds', align: 'right' },
    { title: s('children.grades'), key: 'grades', render: (_: unknown, k) => `${k.grades.red} / ${k.grades.green} / ${k.grades.yellow} / ${k.grades.grey}` },
  ];

  const chart = (has: boolean, node: React.ReactNode) => (loading && !data ? <Skeleton active /> : has ? node : <Empty description={s('noData')} />);

  return (
    <>
      <PageHeader
        title={t('cockpit.title')}
        description={data ? t('cockpit.scopeOf', { name: data.node.name }) : t('cockpit.description')}
        extra={
          <Space wrap>
            <Button icon={<DesktopOutlined />} onClick={() => void navigate(`${PATHS.cockpitScreen}${nodeId ? `?nodeId=${nodeId}` : ''}`)}>
              {s('openScreen')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={() => void reload()} loading={loading}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      />
      {failed && !data && <Alert type="error" showIcon title={s('loadFailed')} className="page-alert" />}
      {data && (
        <nav aria-label={s('breadcrumb')} className="cockpit-breadcrumb">
          <Breadcrumb
            items={data.breadcrumb.map((b, i) =>
              i === data.breadcrumb.length - 1
                ? { key: b.id, title: <span aria-current="page">{b.name}</span> }
                : { key: b.id, title: <a href={`?nodeId=${b.id}`} onClick={(e) => (e.preventDefault(), drill(b.id))}>{b.name}</a> },
            )}
          />
          <Typography.Text type="secondary" className="computed-at" data-testid="cockpit-computed-at">
            {s('computedAt', { time: formatDateTime(data.computedAt) })}
          </Typography.Text>
        </nav>
      )}
      {data && <StatCards items={counts} none={none} testId="cockpit-counts" />}
      {data && <StatCards items={ticketCards} none={none} testId="cockpit-tickets" />}
      {data && <Typography.Paragraph type="secondary">{s('tickets.ratesNote', { from: data.tickets.ratesFrom })}</Typography.Paragraph>}
      {data && <StatCards items={otherCards} none={none} testId="cockpit-other" />}
      <Row gutter={[16, 16]} className="chart-row">
        <Col xs={24} xl={14}>
          <ChartCard title={s('tickets.trend')}>{data && chart(true, <EChart option={charts.trendOption(data, t, false)} height={300} label={charts.trendAlt(data, t)} />)}</ChartCard>
        </Col>
        <Col xs={24} xl={10}>
          <ChartCard title={s('grades.title')}>
            {data && chart(data.counts.compounds > 0, <EChart option={charts.gradeOption(data, t, false)} height={300} label={charts.gradeAlt(data, t)} />)}
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={s('consultations.steps')}>{data && chart(true, <EChart option={charts.stepsOption(data, t, false)} height={280} label={charts.stepsAlt(data, t)} />)}</ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={data ? s('funding.title', { year: data.funding.year }) : ''} extra={data ? `${s('funding.used')} ${charts.pct(data.funding.used, none)}` : null}>
            {data && chart(data.funding.byKind.length > 0, <EChart option={charts.fundingOption(data, t, false)} height={280} label={charts.fundingAlt(data, t)} />)}
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={s('contest.title')} extra={data?.contest ? s('contest.latest', { title: data.contest.title, month: data.contest.month }) : null}>
            {data &&
              chart(
                (data.contest?.byCommunity.length ?? 0) > 0,
                <EChart option={charts.medalsOption(data, t, false)} height={Math.max(240, (data.contest?.byCommunity.length ?? 0) * 24 + 60)} label={charts.medalsAlt(data, t)} />,
              )}
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={s('innovation.title')}>
            {data && (
              <List
                size="small"
                dataSource={data.innovation}
                locale={{ emptyText: s('innovation.none') }}
                renderItem={(c) => (
                  <List.Item key={c.id}>
                    <List.Item.Meta title={c.title} description={`${c.unitName} · ${formatDateTime(c.publishedAt).slice(0, 10)}`} />
                  </List.Item>
                )}
              />
            )}
          </ChartCard>
        </Col>
        <Col span={24}>
          <ChartCard title={s('children.title')}>
            <Table<Child> rowKey="id" size="small" columns={columns} dataSource={data?.children ?? []} pagination={false} loading={loading && !data} locale={{ emptyText: s('children.none') }} />
          </ChartCard>
        </Col>
      </Row>
    </>
  );
}
