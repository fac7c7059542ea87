/** 预算执行: budget versus approved for a year and a node (drilling down to child nodes), by kind and month, with export. */
import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Row, Select, Space, Table, Typography, type TableProps } from 'antd';
import { ArrowUpOutlined, ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { BUDGET_KIND_LABELS, formatYuan, percentOfPermille } from '@xj/contracts/domain';
import type { FundingFigures, FundingReportDto } from '@xj/contracts';
import { api, download } from '../../../shared/api';
import { EChart } from '../../components/EChart';
import { PageHeader } from '../../components/PageHeader';
import { StatCards } from '../../components/StatCards';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { useEnumLabels } from '../../registry/useEnumLabel';
import { budgetBarOption, monthlyLineOption } from './fundingCharts';
import { fundingYears, thisYear } from './fundingYears';

type Row = FundingFigures & { key: string; name: string; nodeId?: number; hasChildren?: boolean; total?: boolean };

export default function FundingReportPage() {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const [year, setYear] = useState(thisYear());
  /** The drill path: node ids from the top of the user's scope (empty: the default node). */
  const [trail, setTrail] = useState<number[]>([]);
  const [r, setR] = useState<FundingReportDto | null>(null);
  const [exporting, setExporting] = useState(false);
  const nodeId = trail.at(-1);
  const query = useMemo(() => ({ year, ...(nodeId ? { nodeId } : {}) }), [year, nodeId]);
  useEffect(() => {
    const controller = new AbortController();
    api.get<FundingReportDto>('/api/funding/report', { query, signal: controller.signal }).then(setR).catch(() => undefined);
    return () => controller.abort();
  }, [query]);

  const rows: Row[] = useMemo(
    () =>
      r
        ? [
            ...r.byNode.map((n) => ({ ...n, key: `n${n.nodeId}${n.own ? 'own' : ''}`, name: n.own ? t('funding.report.own', { name: n.nodeName }) : n.nodeName, nodeId: n.own ? undefined : n.nodeId })),
            { ...r.totals, key: 'total', name: t('funding.report.total'), total: true },
          ]
        : [],
    [r, t],
  );
  const kindRows: Row[] = useMemo(() => (r ? r.byKind.map((k) => ({ ...k, key: k.kind, name: label(BUDGET_KIND_LABELS, k.kind) })) : []), [r, label]);
  const tableBox = useTableScrollRegion(t('funding.report.tableRegion'), rows);
  const kindBox = useTableScrollRegion(t('funding.report.kindTableRegion'), kindRows);
  const names = { budget: t('funding.budget'), approved: t('funding.approved') };

  const money = (f: number) => formatYuan(f);
  const columns = (first: string): TableProps<Row>['columns'] => [
    {
      title: first,
      dataIndex: 'name',
      render: (name: string, row) =>
        row.hasChildren && row.nodeId ? (
          <Button type="link" size="small" className="link-button" aria-label={t('funding.report.drill', { name })} onClick={() => setTrail((p) => [...p, row.nodeId!])}>
            {name}
          </Button>
        ) : row.total ? (
          <strong>{name}</strong>
        ) : (
          name
        ),
    },
    { title: t('funding.budget'), dataIndex: 'budgetFen', align: 'right', render: money },
    { title: t('funding.approved'), dataIndex: 'approvedFen', align: 'right', render: money },
    { title: t('funding.pending'), dataIndex: 'pendingFen', align: 'right', render: money },
    { title: t('funding.remaining'), dataIndex: 'remainingFen', align: 'right', render: money },
    { title: t('funding.used'), dataIndex: 'usedPermille', align: 'right', render: (p: number | null) => percentOfPermille(p) },
  ];

  const exportReport = async () => {
    setExporting(true);
    try {
      await download('/api/funding/report/export.xlsx', t('funding.report.exportName'), { query });
    } catch {
      // shown by the API wrapper
    } finally {
      setExporting(false);
    }
  };

  const nodes = r?.byNode.filter((n) => !n.own) ?? [];
  return (
    <>
      <PageHeader
        title={r ? `${t('funding.report.title')} · ${r.node.name}` : t('funding.report.title')}
        description={t('funding.report.description')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('funding.year')}
              value={year}
              onChange={setYear}
              options={fundingYears().map((y) => ({ value: y, label: t('funding.yearValue', { year: y }) }))}
            />
            {trail.length > 0 && (
              <Button icon={<ArrowUpOutlined />} onClick={() => setTrail((p) => p.slice(0, -1))}>
                {t('funding.report.back')}
              </Button>
            )}
            <Button icon={<ExportOutlined />} loading={exporting} onClick={() => void exportReport()}>
              {t('export.masked')}
            </Button>
          </Space>
        }
      />
      {r && (
        <Space orientation="vertical" size={16} className="full-width">
          <StatCards
            testId="funding-report"
            none="—"
            items={[
              { key: 'budget', title: t('funding.report.totalBudget'), value: formatYuan(r.totals.budgetFen), color: '#0b5cad' },
              { key: 'approved', title: t('funding.report.totalApproved'), value: formatYuan(r.totals.approvedFen), note: t('funding.report.usedNote', { used: percentOfPermille(r.totals.usedPermille) }), color: '#b71c1c' },
              { key: 'pending', title: t('funding.report.totalPending'), value: formatYuan(r.totals.pendingFen), color: '#9a4d00' },
              { key: 'remaining', title: t('funding.report.totalRemaining'), value: formatYuan(r.totals.remainingFen), color: '#2e7d32' },
            ]}
          />
          {r.totals.budgetFen === 0 && r.totals.approvedFen === 0 ? (
            <Card>
              <Empty description={t('funding.report.empty')} />
            </Card>
          ) : (
            <>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <Card title={<h2 className="card-title">{t('funding.report.byKind')}</h2>}>
                    <EChart
                      height={300}
                      label={t('funding.report.chartKindLabel', { year: r.year })}
                      option={budgetBarOption(kindRows.map((k) => k.name), kindRows.map((k) => k.budgetFen), kindRows.map((k) => k.approvedFen), names)}
                    />
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card title={<h2 className="card-title">{t('funding.report.monthly')}</h2>}>
                    <EChart height={300} label={t('funding.report.monthlyLabel', { year: r.year })} option={monthlyLineOption(r.monthly.map((m) => m.month), r.monthly.map((m) => m.approvedFen), names.approved)} />
                  </Card>
                </Col>
              </Row>
              {nodes.length > 0 && (
                <Card title={<h2 className="card-title">{t('funding.report.byNode')}</h2>}>
                  <EChart
                    height={320}
                    label={t('funding.report.chartNodeLabel', { year: r.year })}
                    option={budgetBarOption(nodes.map((n) => n.nodeName), nodes.map((n) => n.budgetFen), nodes.map((n) => n.approvedFen), names)}
                  />
                </Card>
              )}
              <Card title={<h2 className="card-title">{t('funding.report.table')}</h2>} extra={<Typography.Text type="secondary">{t('funding.report.computedAt', { time: dayjs(r.computedAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>}>
                <Space orientation="vertical" size={16} className="full-width">
                  <div ref={tableBox}>
                    <Table<Row> rowKey="key" size="small" pagination={false} scroll={{ x: 800 }} columns={columns(t('funding.node'))} dataSource={rows} />
                  </div>
                  <div ref={kindBox}>
                    <Table<Row> rowKey="key" size="small" pagination={false} scroll={{ x: 800 }} columns={columns(t('funding.kind'))} dataSource={[...kindRows, rows.at(-1)!]} />
                  </div>
                </Space>
              </Card>
            </>
          )}
        </Space>
      )}
    </>
  );
}
