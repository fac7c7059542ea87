/** 智慧大脑 · 驾驶舱: headline counts and compound charts for the user's scope (or a chosen node). */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Space, Statistic, TreeSelect, Typography } from 'antd';
import {
  ApartmentOutlined,
  BankOutlined,
  BuildOutlined,
  ClusterOutlined,
  FlagOutlined,
  HomeOutlined,
  ReloadOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { COMPOUND_KINDS } from '@xj/contracts/domain';
import type { CockpitSummaryDto } from '@xj/contracts';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useLabels } from '../../shared/labels';
import { indexNodes, type ScopeNode, type SelectTreeNode } from '../../shared/tree';
import { useScopeTree } from '../../shared/useScopeTree';
import { EChart, type ChartOption } from '../components/EChart';
import { HeadlineFigures } from '../components/HeadlineFigures';
import { PageHeader } from '../components/PageHeader';
import { useSession } from '../session';

type CountKey = keyof CockpitSummaryDto['counts'];

const COUNT_CARDS: { key: CountKey; icon: React.ReactNode; color: string }[] = [
  { key: 'subdistricts', icon: <BankOutlined />, color: '#8e1515' },
  { key: 'communities', icon: <ApartmentOutlined />, color: '#0b5cad' },
  { key: 'compounds', icon: <HomeOutlined />, color: '#2e7d32' },
  { key: 'buildings', icon: <BuildOutlined />, color: '#6a1b9a' },
  { key: 'stairwells', icon: <ClusterOutlined />, color: '#37474f' },
  { key: 'branches', icon: <FlagOutlined />, color: '#b71c1c' },
  { key: 'jointBranches', icon: <TeamOutlined />, color: '#9a4d00' },
];

const KIND_COLORS = ['#c62828', '#1565c0', '#ef8f00'];

/** Cockpit scope picker: county, subdistricts and communities. */
function scopeOptions(nodes: ScopeNode[], kindLabel: (k: ScopeNode['kind']) => string): SelectTreeNode[] {
  const index = indexNodes(nodes.filter((n) => n.kind === 'county' || n.kind === 'subdistrict' || n.kind === 'community'));
  const build = (n: ScopeNode): SelectTreeNode => {
    const label = `${n.name}（${kindLabel(n.kind)}）`;
    const kids = index.children.get(n.id) ?? [];
    return { value: n.id, title: label, label, selectable: true, children: kids.length ? kids.map(build) : undefined };
  };
  return index.roots.map(build);
}

export default function CockpitPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { can } = useSession();
  const canPickNode = can('nodes.read');
  const tree = useScopeTree(canPickNode);
  const [nodeId, setNodeId] = useState<number | undefined>();
  const [data, setData] = useState<CockpitSummaryDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setFailed(false);
    try {
      setData(await api.get<CockpitSummaryDto>('/api/cockpit/summary', { query: { nodeId } }));
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }, [nodeId]);

  useEffect(() => {
    void load();
  }, [load]);

  const treeData = useMemo(() => scopeOptions(tree.nodes, labels.nodeKind), [tree.nodes, labels.nodeKind]);

  const kindData = useMemo(
    () => COMPOUND_KINDS.map((k) => ({ name: labels.compoundKind(k), value: data?.compoundsByKind[k] ?? 0 })),
    [data, labels],
  );

  const pieOption = useMemo<ChartOption>(
    () => ({
      color: KIND_COLORS,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0, textStyle: { color: '#333' } },
      aria: { enabled: true },
      series: [
        {
          type: 'pie',
          radius: ['38%', '62%'],
          center: ['50%', '45%'],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: { formatter: '{b}\n{c}', color: '#333', overflow: 'none' },
          data: kindData,
        },
      ],
    }),
    [kindData],
  );

  const breakdown = useMemo(() => [...(data?.communitiesBreakdown ?? [])].sort((a, b) => a.compounds - b.compounds), [data]);

  const barOption = useMemo<ChartOption>(
    () => ({
      color: ['#b71c1c'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      aria: { enabled: true },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#444' } },
      yAxis: { type: 'category', data: breakdown.map((c) => c.name), axisLabel: { color: '#333', width: 110, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t('cockpit.compounds'),
          data: breakdown.map((c) => c.compounds),
          barMaxWidth: 18,
          label: { show: true, position: 'right', color: '#333' },
          itemStyle: { borderRadius: [0, 4, 4, 0] },
        },
      ],
    }),
    [breakdown, t],
  );

  const pieLabel = t('cockpit.kindChartAlt', {
    summary: kindData.map((d) => `${d.name} ${d.value}`).join('，'),
  });
  const barLabel = t('cockpit.communityChartAlt', {
    summary: [...breakdown].reverse().map((c) => `${c.name} ${c.compounds}`).join('，'),
  });

  return (
    <>
      <PageHeader
        title={t('cockpit.title')}
        description={data ? t('cockpit.scopeOf', { name: data.node.name }) : t('cockpit.description')}
        extra={
          <Space wrap>
            {canPickNode && (
              <TreeSelect
                aria-label={t('cockpit.scope')}
                placeholder={t('cockpit.scopeAll')}
                className="cockpit-scope"
                allowClear
                showSearch={{ treeNodeFilterProp: 'label' }}
                treeDefaultExpandAll={false}
                treeData={treeData}
                value={nodeId}
                onChange={(v) => setNodeId(v ?? undefined)}
                loading={tree.loading}
                popupMatchSelectWidth={false}
              />
            )}
            <Button icon={<ReloadOutlined />} onClick={() => void load()} loading={loading}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      />
      <HeadlineFigures rootNodeId={nodeId} />
      {failed && !data && <Alert type="error" showIcon title={t('cockpit.loadFailed')} className="page-alert" />}
      <div className="stat-grid">
        {COUNT_CARDS.map((c) => (
            <Card key={c.key} className="stat-card" size="small" variant="borderless">
              <div className="stat-icon" style={{ color: c.color, background: `${c.color}14` }} aria-hidden>
                {c.icon}
              </div>
              <Statistic
                title={t(`cockpit.counts.${c.key}`)}
                value={data?.counts[c.key] ?? 0}
                loading={loading && !data}
                styles={{ content: { color: c.color, fontWeight: 600 } }}
              />
            </Card>
        ))}
      </div>
      <Row gutter={[16, 16]} className="chart-row">
        <Col xs={24} xl={10}>
          <Card title={<h2 className="card-title">{t('cockpit.kindChart')}</h2>} className="chart-card">
            {loading && !data ? (
              <Skeleton active />
            ) : data && data.counts.compounds > 0 ? (
              <EChart option={pieOption} height={320} label={pieLabel} />
            ) : (
              <Empty description={t('common.noData')} />
            )}
            <div className="kind-legend-table">
              {kindData.map((d) => (
                <div key={d.name} className="kind-legend-row">
                  <span>{d.name}</span>
                  <strong>{d.value}</strong>
                </div>
              ))}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={<h2 className="card-title">{t('cockpit.communityChart')}</h2>} className="chart-card">
            {loading && !data ? (
              <Skeleton active />
            ) : breakdown.length > 0 ? (
              <EChart option={barOption} height={Math.max(320, breakdown.length * 26 + 40)} label={barLabel} />
            ) : (
              <Empty description={t('common.noData')} />
            )}
          </Card>
        </Col>
      </Row>
      {data && (
        <Typography.Paragraph type="secondary" className="computed-at">
          {t('cockpit.computedAt', { time: formatDateTime(data.computedAt) })}
        </Typography.Paragraph>
      )}
    </>
  );
}
