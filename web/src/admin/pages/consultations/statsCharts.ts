/** ECharts options for the consultation charts (statistics page and a topic's participation card). */
import type { ChartOption } from '../../components/EChart';

export interface Point {
  name: string;
  /** The name in the accessible summary, when it says more than the axis (e.g. the category's kind). */
  label?: string;
  value: number;
  /** Bar colour (e.g. allowed / excluded categories). */
  color?: string;
}

/** The numbers as text: the chart's accessible name. */
export const summary = (points: Point[]) => points.map((p) => `${p.label ?? p.name} ${p.value}`).join('，');

const AXIS_TEXT = '#333';

export function pieOption(points: Point[]): ChartOption {
  return {
    aria: { enabled: true },
    color: ['#b71c1c', '#0b5cad', '#2e7d32', '#9a4d00', '#6a1b9a'],
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, textStyle: { color: AXIS_TEXT } },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b} {c}', color: AXIS_TEXT },
        data: points.map((p) => ({ name: p.name, value: p.value })),
      },
    ],
  };
}

/** Bars, vertical by default; `horizontal` for long names (categories, questionnaire choices). */
export function barOption(points: Point[], color: string, horizontal = false): ChartOption {
  const names = { type: 'category' as const, data: points.map((p) => p.name), axisLabel: { color: AXIS_TEXT, interval: 0, width: horizontal ? 160 : 80, overflow: 'truncate' as const } };
  const values = { type: 'value' as const, minInterval: 1, axisLabel: { color: AXIS_TEXT } };
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: horizontal ? values : names,
    yAxis: horizontal ? { ...names, inverse: true } : values,
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        data: points.map((p) => ({ value: p.value, itemStyle: { color: p.color ?? color } })),
        label: { show: true, position: horizontal ? 'right' : 'top', color: AXIS_TEXT },
        itemStyle: { borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0] },
      },
    ],
  };
}

export function lineOption(categories: string[], series: { name: string; values: number[]; color: string }[]): ChartOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: AXIS_TEXT } },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { color: AXIS_TEXT } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: AXIS_TEXT } },
    series: series.map((s) => ({ type: 'line', name: s.name, data: s.values, smooth: false, symbolSize: 6, itemStyle: { color: s.color }, lineStyle: { color: s.color } })),
  };
}
