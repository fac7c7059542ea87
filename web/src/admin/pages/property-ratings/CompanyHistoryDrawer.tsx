/** A company's grades across its compounds and periods: a line of totals per compound (points in the grade's colour) and the table. */
import { useEffect, useState } from 'react';
import { Alert, Drawer, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompanyGradeHistoryDto } from '@xj/contracts';
import { isApiError, api } from '../../../shared/api';
import { EChart, type ChartOption } from '../../components/EChart';
import { DrawerRegion } from './DrawerRegion';
import { points } from './ratingFormat';
import { GradeSwatch, RatingStatusTag } from './RatingTags';

type Row = CompanyGradeHistoryDto['ratings'][number];
const PALETTE = ['#0b5cad', '#9a4d00', '#6a1b9a', '#00595f', '#8c0d5b', '#3d3d3d'];

function historyOption(rows: Row[]): ChartOption {
  // Periods of different communities share a name and dates (2026年第3季度): one category each.
  const keyOf = (r: Row) => `${r.periodEndsOn} ${r.periodName}`;
  const periods = [...new Map([...rows].sort((a, b) => a.periodEndsOn.localeCompare(b.periodEndsOn)).map((r) => [keyOf(r), r.periodName])).entries()];
  const compounds = [...new Set(rows.map((r) => r.compoundName))];
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: '#333' } },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: periods.map(([, name]) => name), axisLabel: { color: '#333' } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#333' } },
    series: compounds.map((c, i) => ({
      type: 'line',
      name: c,
      connectNulls: true,
      symbol: 'circle',
      symbolSize: 10,
      lineStyle: { color: PALETTE[i % PALETTE.length] },
      itemStyle: { color: PALETTE[i % PALETTE.length] },
      data: periods.map(([key]) => {
        const r = rows.find((x) => keyOf(x) === key && x.compoundName === c);
        return r && r.total !== null ? { value: r.total, itemStyle: { color: r.gradeColour ?? PALETTE[i % PALETTE.length] } } : null;
      }),
    })),
  };
}

export function CompanyHistoryDrawer({ companyId, onClose }: { companyId: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [history, setHistory] = useState<CompanyGradeHistoryDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (companyId === null) return;
    setHistory(null);
    setError(null);
    const controller = new AbortController();
    api
      .get<CompanyGradeHistoryDto>(`/api/property-ratings/companies/${companyId}/history`, { silent: true, signal: controller.signal })
      .then(setHistory)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(isApiError(e) ? e.message : t('errors.generic'));
      });
    return () => controller.abort();
  }, [companyId, t]);

  const graded = history?.ratings.filter((r) => r.total !== null && r.status !== 'open') ?? [];
  const summary = graded.map((r) => `${r.periodName} ${r.compoundName} ${points(r.total)} ${r.gradeName ?? ''}`).join('；');

  return (
    <Drawer open={companyId !== null} onClose={onClose} size={860} title={history ? t('ratings.companies.historyTitle', { name: history.companyName }) : t('common.loading')} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} />}
      {!error && !history && <Skeleton active />}
      {history && (
        <DrawerRegion name={history.companyName}>
          {graded.length > 0 && <EChart option={historyOption(graded)} height={280} label={t('ratings.companies.historyChart', { name: history.companyName, summary })} />}
          <Table<Row>
            rowKey="id"
            size="small"
            dataSource={history.ratings}
            pagination={history.ratings.length > 10 ? { pageSize: 10, size: 'small' } : false}
            style={{ marginTop: 16 }}
            scroll={{ x: 640 }}
            columns={[
              { title: t('ratings.periods.name'), dataIndex: 'periodName', width: 140 },
              { title: t('ratings.detail.compound'), dataIndex: 'compoundName', width: 140 },
              { title: t('ratings.detail.total'), dataIndex: 'total', width: 80, align: 'right', render: points },
              {
                title: t('ratings.detail.grade'),
                dataIndex: 'gradeName',
                width: 160,
                render: (name: string | null, r) =>
                  name ? (
                    <>
                      {r.gradeColour && <GradeSwatch colour={r.gradeColour} />}
                      {name}
                    </>
                  ) : (
                    '—'
                  ),
              },
              { title: t('common.status'), dataIndex: 'status', width: 110, render: (s: Row['status']) => <RatingStatusTag status={s} /> },
            ]}
          />
        </DrawerRegion>
      )}
    </Drawer>
  );
}
