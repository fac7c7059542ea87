/**
 * The cockpit's headline figures (GET /api/stats/headline) with drill-down: eight statistic
 * cards for the current node, a breadcrumb back up, and its children as a bar chart and a table;
 * choosing a child drills into it.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Empty, Row, Segmented, Statistic, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { HEADLINE_FIGURES } from '@xj/contracts/domain';
import type { HeadlineDto, HeadlineFigure } from '@xj/contracts';
import { api } from '../../shared/api';
import { useLabels } from '../../shared/labels';
import { EChart, type ChartOption } from './EChart';

type Figure = HeadlineFigure;

type Child = HeadlineDto['children'][number];
interface Crumb {
  id: number | undefined;
  name: string;
}

const FIGURE_COLORS: Record<Figure, string> = {
  communities: '#0b5cad',
  compounds: '#2e7d32',
  stewards: '#b71c1c',
  redShops: '#9a4d00',
  gigWorkers: '#6a1b9a',
  commissioners: '#37474f',
  partyMembers: '#8e1515',
  dualRegisteredMembers: '#ad1457',
};

export function HeadlineFigures({ rootNodeId }: { rootNodeId: number | undefined }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [trail, setTrail] = useState<Crumb[]>([]);
  const [data, setData] = useState<HeadlineDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);
  const [figure, setFigure] = useState<Figure>('stewards');
  const current = trail.length ? trail[trail.length - 1]!.id : rootNodeId;

  useEffect(() => setTrail([]), [rootNodeId]);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setFailed(false);
    api
      .get<HeadlineDto>('/api/stats/headline', { query: { nodeId: current }, signal: controller.signal })
      .then(setData)
      .catch(() => {
        if (!controller.signal.aborted) setFailed(true);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [current]);

  const figureLabel = (f: Figure) => t(`cockpit.headline.figures.${f}`);
  const drill = (c: Child) => setTrail((prev) => [...(prev.length ? prev : [{ id: rootNodeId, name: data?.node?.name ?? '' }]), { id: c.id, name: c.name }]);
  const crumbs = trail.length ? trail : [{ id: rootNodeId, name: data?.node?.name ?? '' }];

  const children = useMemo(() => data?.children ?? [], [data]);
  const chartRows = useMemo(() => [...children].sort((a, b) => a.figures[figure] - b.figures[figure]), [children, figure]);
  const chartOption = useMemo<ChartOption>(
    () => ({
      color: [FIGURE_COLORS[figure]],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { color: '#333' } },
      yAxis: { type: 'category', data: chartRows.map((c) => c.name), axisLabel: { color: '#333' } },
      series: [{ type: 'bar', data: chartRows.map((c) => c.figures[figure]), barMaxWidth: 18, label: { show: true, position: 'right', color: '#333' } }],
    }),
    [chartRows, figure],
  );

  const columns: TableProps<Child>['columns'] = [
    {
      title: t('cockpit.headline.child'),
      dataIndex: 'name',
      fixed: 'left',
      width: 150,
      render: (name: string, c) => (
        <Button type="link" className="link-button" onClick={() => drill(c)} aria-label={t('cockpit.headline.drill', { name })}>
          {name}
        </Button>
      ),
    },
    ...HEADLINE_FIGURES.map((f) => ({
      title: figureLabel(f),
      key: f,
      align: 'right' as const,
      sorter: (a: Child, b: Child) => a.figures[f] - b.figures[f],
      render: (_: unknown, c: Child) => c.figures[f],
    })),
  ];

  return (
    <section aria-labelledby="headline-title" className="headline">
      <div className="headline-head">
        <h2 id="headline-title" className="section-title">
          {t('cockpit.headline.title')}
        </h2>
        <nav aria-label={t('cockpit.headline.path')}>
          <Breadcrumb
            items={crumbs.map((c, i) => ({
              key: `${c.id ?? 'root'}-${i}`,
              title:
                i < crumbs.length - 1 ? (
                  <Button type="link" className="link-button" onClick={() => setTrail(crumbs.slice(0, i + 1))}>
                    {c.name}
                  </Button>
                ) : (
                  <span aria-current="page">{c.name}{data?.node ? `（${labels.nodeKind(data.node.kind)}）` : ''}</span>
                ),
            }))}
          />
        </nav>
      </div>
      {failed && <Alert type="error" showIcon title={t('cockpit.headline.loadFailed')} className="page-alert" />}
      <div className="stat-grid headline-grid">
        {HEADLINE_FIGURES.map((f) => (
          <Card key={f} className="stat-card" size="small" variant="borderless" data-testid={`headline-${f}`}>
            <Statistic
              title={figureLabel(f)}
              value={data?.[f] ?? 0}
              loading={loading && !data}
              styles={{ content: { color: FIGURE_COLORS[f], fontWeight: 600 } }}
            />
          </Card>
        ))}
      </div>
      <Row gutter={[16, 16]} className="chart-row">
        <Col xs={24} xl={10}>
          <Card
            className="chart-card"
            title={<h3 className="card-title">{t('cockpit.headline.chart', { figure: figureLabel(figure) })}</h3>}
          >
            <Segmented<Figure>
              size="small"
              aria-label={t('cockpit.headline.chartFigure')}
              value={figure}
              onChange={setFigure}
              options={HEADLINE_FIGURES.map((f) => ({ value: f, label: figureLabel(f) }))}
              className="headline-figure-switch"
            />
            {children.length === 0 ? (
              <Empty description={t('cockpit.headline.noChildren')} />
            ) : (
              <EChart
                option={chartOption}
                height={Math.max(200, chartRows.length * 26 + 40)}
                label={t('cockpit.headline.chartAlt', {
                  figure: figureLabel(figure),
                  summary: [...chartRows].reverse().map((c) => `${c.name} ${c.figures[figure]}`).join('，'),
                })}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card className="chart-card" title={<h3 className="card-title">{t('cockpit.headline.children')}</h3>}>
            <Table<Child>
              size="small"
              rowKey="id"
              columns={columns}
              dataSource={children}
              loading={loading}
              pagination={false}
              scroll={{ x: 900, y: 420 }}
              locale={{ emptyText: t('cockpit.headline.noChildren') }}
            />
          </Card>
        </Col>
      </Row>
    </section>
  );
}
