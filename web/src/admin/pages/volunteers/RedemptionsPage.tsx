/** 积分兑换: redemptions at red shops by shop and month, and a year's points redeemed per shop per month. */
import { useEffect, useMemo, useState } from 'react';
import { Button, Card, DatePicker, Table, type TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { RedemptionDto, RedemptionStatsDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { usePagedList } from '../../../shared/usePagedList';
import { EChart, type ChartOption } from '../../components/EChart';
import { FilterSelect } from '../../components/FilterSelect';
import { PageHeader } from '../../components/PageHeader';
import { useTableScrollRegion } from '../../components/useTableScrollRegion';
import { dateTime } from './volunteerFormat';

type Filters = { shopId?: number; month?: string };

const COLORS = ['#b71c1c', '#0b5cad', '#2e7d32', '#9a4d00', '#6a1b9a', '#00695c', '#ad1457', '#37474f'];
const AXIS_TEXT = '#333';

function statsOption(stats: RedemptionStatsDto, months: string[]): ChartOption {
  const shops = [...new Map(stats.data.map((d) => [d.shopId, d.shopName])).entries()];
  return {
    aria: { enabled: true },
    color: COLORS,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { color: AXIS_TEXT } },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.slice(5)), axisLabel: { color: AXIS_TEXT } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: AXIS_TEXT } },
    series: shops.map(([shopId, name]) => ({
      type: 'bar',
      name,
      stack: 'points',
      barMaxWidth: 32,
      data: months.map((m) => stats.data.find((d) => d.shopId === shopId && d.month === m)?.points ?? 0),
    })),
  };
}

export default function RedemptionsPage() {
  const { t } = useTranslation();
  const list = usePagedList<RedemptionDto, Filters>('/api/points/redemptions', {});
  const tableBox = useTableScrollRegion(t('volunteers.redeem.tableRegion'), list.rows);
  const [year, setYear] = useState<Dayjs>(() => dayjs());
  const [stats, setStats] = useState<RedemptionStatsDto | null>(null);

  useEffect(() => {
    api
      .get<RedemptionStatsDto>('/api/points/redemptions/stats', { query: { year: year.year() } })
      .then(setStats)
      .catch(() => setStats(null));
  }, [year]);

  const months = useMemo(() => Array.from({ length: 12 }, (_, i) => `${year.year()}-${String(i + 1).padStart(2, '0')}`), [year]);
  const shops = useMemo(() => [...new Map((stats?.data ?? []).map((d) => [d.shopId, d.shopName])).entries()].map(([value, label]) => ({ value, label })), [stats]);
  const summary = (stats?.data ?? []).map((d) => t('volunteers.redeem.summaryItem', { shop: d.shopName, month: d.month, points: d.points, count: d.redemptions })).join('；');

  const columns: TableProps<RedemptionDto>['columns'] = [
    { title: t('volunteers.redeem.at'), dataIndex: 'createdAt', width: 140, render: dateTime },
    { title: t('volunteers.redeem.shop'), dataIndex: 'shopName', width: 160 },
    { title: t('volunteers.common.name'), dataIndex: 'memberName', width: 100 },
    { title: t('volunteers.common.phone'), dataIndex: 'memberPhone', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
    { title: t('volunteers.redeem.item'), dataIndex: 'item' },
    { title: t('volunteers.redeem.points'), dataIndex: 'points', width: 90, align: 'right' },
  ];

  return (
    <>
      <PageHeader title={t('nav.pointRedemptions')} description={t('volunteers.redeem.description')} />
      <Card
        title={t('volunteers.redeem.chartTitle', { year: year.year() })}
        extra={<DatePicker picker="year" aria-label={t('volunteers.redeem.year')} value={year} allowClear={false} onChange={(y) => y && setYear(y)} disabledDate={(d) => d.isAfter(dayjs(), 'year')} />}
      >
        {stats && stats.data.length > 0 ? (
          <EChart option={statsOption(stats, months)} height={320} label={t('volunteers.redeem.chartLabel', { year: year.year(), summary })} />
        ) : (
          <p>{t('volunteers.redeem.noStats')}</p>
        )}
      </Card>
      <Card style={{ marginTop: 16 }}>
        <div className="filter-bar" role="search" aria-label={t('volunteers.common.filters')}>
          <FilterSelect<number>
            label={t('volunteers.redeem.shop')}
            placeholder={t('volunteers.redeem.allShops')}
            value={list.filters.shopId}
            onChange={(shopId) => list.setFilters({ shopId })}
            options={shops}
            wideDropdown
          />
          <DatePicker
            picker="month"
            aria-label={t('volunteers.points.month')}
            placeholder={t('volunteers.redeem.allMonths')}
            onChange={(m) => list.setFilters({ month: m ? m.format('YYYY-MM') : undefined })}
          />
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        </div>
        <div ref={tableBox}>
          <Table<RedemptionDto> rowKey="id" columns={columns} dataSource={list.rows} loading={list.loading} scroll={{ x: 800 }} pagination={list.pagination} />
        </div>
      </Card>
    </>
  );
}
