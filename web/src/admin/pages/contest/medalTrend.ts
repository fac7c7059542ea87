/** ECharts option of a secretary's medal trend: rank per month (1 at the top) with the medals marked, and the total score. */
import type { Medal, MedalHistoryDto } from '@xj/contracts';
import type { ChartOption } from '../../components/EChart';

const AXIS_TEXT = '#333';
export const MEDAL_COLORS: Record<Medal, string> = { gold: '#c99a06', silver: '#8a8f98', bronze: '#a0522d' };

export function medalTrendOption(h: MedalHistoryDto, names: { rank: string; total: string; medal: (m: Medal) => string }): ChartOption {
  const rows = h.contests;
  const most = Math.max(1, ...rows.map((r) => r.contestants));
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, textStyle: { color: AXIS_TEXT } },
    grid: { left: 8, right: 8, top: 28, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.month), axisLabel: { color: AXIS_TEXT } },
    yAxis: [
      { type: 'value', name: names.rank, inverse: true, min: 1, max: most, minInterval: 1, axisLabel: { color: AXIS_TEXT } },
      { type: 'value', name: names.total, min: 0, max: 100, splitLine: { show: false }, axisLabel: { color: AXIS_TEXT } },
    ],
    series: [
      {
        type: 'line',
        name: names.rank,
        yAxisIndex: 0,
        color: '#b71c1c',
        connectNulls: false,
        data: rows.map((r) =>
          r.medal
            ? {
                value: r.rank,
                symbol: 'diamond',
                symbolSize: 16,
                itemStyle: { color: MEDAL_COLORS[r.medal], borderColor: '#333', borderWidth: 1 },
                label: { show: true, position: 'top' as const, color: AXIS_TEXT, formatter: names.medal(r.medal) },
              }
            : { value: r.rank },
        ),
      },
      { type: 'line', name: names.total, yAxisIndex: 1, color: '#0b5cad', lineStyle: { type: 'dashed' }, data: rows.map((r) => r.total) },
    ],
  };
}
