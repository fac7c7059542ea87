/**
 * 企业考核: the property companies ranked for a chosen period (the latest closed one by default),
 * as a table and a bar chart of their mean totals; a company's grade history; the Excel export.
 */
import { useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Row, Select, Space, Table, Typography, type TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CompanyRankingDto, CompanyRankingRowDto, RatingPeriodSummaryDto } from '@xj/contracts';
import { api, download } from '../../../shared/api';
import { EChart } from '../../components/EChart';
import { PageHeader } from '../../components/PageHeader';
import { ToneTag } from '../../components/ToneTag';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { barOption, summary } from '../consultations/statsCharts';
import { CompanyHistoryDrawer } from './CompanyHistoryDrawer';
import { points } from './ratingFormat';
import { GradeTag } from './RatingTags';

export default function RatingCompaniesPage() {
  const { t } = useTranslation();
  const [periods, setPeriods] = useState<RatingPeriodSummaryDto[]>([]);
  const [periodId, setPeriodId] = useState<number | undefined>();
  const [ranking, setRanking] = useState<CompanyRankingDto | null>(null);
  const [loading, setLoading] = useState(true);
  const [exporting, setExporting] = useState(false);
  const [historyOf, setHistoryOf] = useState<number | null>(null);
  const tableBox = useTableScrollRegion(t('ratings.companies.tableRegion'), ranking?.data);

  useEffect(() => {
    api
      .get<{ data: RatingPeriodSummaryDto[] }>('/api/property-ratings/periods', { query: { status: 'closed', pageSize: 100 } })
      .then((r) => setPeriods(r.data))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .get<CompanyRankingDto>('/api/property-ratings/companies', { query: { periodId }, signal: controller.signal })
      .then(setRanking)
      .catch(() => undefined)
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [periodId]);

  const shownPeriod = ranking?.period ?? null;
  const grades = ranking?.scheme?.grades ?? [];
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download('/api/property-ratings/companies.xlsx', 'rating-companies.xlsx', { query: { periodId: periodId ?? shownPeriod?.id } });
    } catch {
      // shown by the API wrapper
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<CompanyRankingRowDto>['columns'] = [
    { title: t('ratings.companies.rank'), dataIndex: 'rank', width: 70 },
    {
      title: t('ratings.companies.company'),
      dataIndex: 'companyName',
      render: (name: string, r) => (
        <Button autoInsertSpace={false} type="link" size="small" style={{ padding: 0 }} onClick={() => setHistoryOf(r.companyId)} aria-label={t('ratings.companies.historyFor', { name })}>
          {name}
        </Button>
      ),
    },
    { title: t('ratings.companies.compounds'), dataIndex: 'compounds', width: 80, align: 'right' },
    { title: t('ratings.companies.mean'), dataIndex: 'meanTotal', width: 90, align: 'right', render: points },
    {
      title: t('ratings.periods.grades'),
      dataIndex: 'grades',
      width: 320,
      render: (counts: Record<string, number>) => (
        <Space size={[0, 4]} wrap>
          {grades.filter((g) => (counts[g.code] ?? 0) > 0).map((g) => (
            <GradeTag key={g.code} grade={g} count={counts[g.code]} />
          ))}
        </Space>
      ),
    },
    { title: t('ratings.companies.low'), dataIndex: 'lowGrades', width: 90, align: 'right' },
    { title: t('ratings.detail.contractReview'), dataIndex: 'flagged', width: 120, render: (n: number) => (n > 0 ? <ToneTag tone="red">{t('ratings.companies.flagged', { n })}</ToneTag> : '—') },
  ];

  const chartPoints = (ranking?.data ?? []).filter((r) => r.meanTotal !== null).map((r) => ({ name: r.companyName, value: r.meanTotal! }));

  return (
    <>
      <PageHeader
        title={t('nav.ratingCompanies')}
        description={t('ratings.companies.description')}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} disabled={!shownPeriod} onClick={() => void exportXlsx()}>
            {t('ratings.companies.export')}
          </Button>
        }
      />
      <Card>
        <div className="filter-bar" role="search" aria-label={t('ratings.common.filters')}>
          <Select<number>
            allowClear
            className="filter-select"
            style={{ minWidth: 260 }}
            aria-label={t('ratings.companies.period')}
            placeholder={t('ratings.companies.latestPeriod')}
            value={periodId}
            onChange={(v) => setPeriodId(v ?? undefined)}
            options={periods.map((p) => ({ value: p.id, label: `${p.name} · ${p.nodeName}` }))}
          />
          {shownPeriod && <Typography.Text type="secondary">{t('ratings.companies.showing', { name: shownPeriod.name, node: shownPeriod.nodeName })}</Typography.Text>}
        </div>
        <Typography.Paragraph type="secondary">{t('ratings.companies.tieRule')}</Typography.Paragraph>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <div ref={tableBox}>
              <Table<CompanyRankingRowDto> rowKey="companyId" columns={columns} dataSource={ranking?.data ?? []} loading={loading} pagination={false} scroll={{ x: 900 }} />
            </div>
          </Col>
          <Col xs={24} xl={10}>
            {chartPoints.length > 0 ? (
              <EChart option={barOption(chartPoints, '#b71c1c', true)} height={Math.max(200, chartPoints.length * 36 + 40)} label={t('ratings.companies.chartLabel', { summary: summary(chartPoints) })} />
            ) : (
              <Empty description={t('ratings.companies.noData')} />
            )}
          </Col>
        </Row>
      </Card>
      <CompanyHistoryDrawer companyId={historyOf} onClose={() => setHistoryOf(null)} />
    </>
  );
}
