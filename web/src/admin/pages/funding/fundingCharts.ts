/** ECharts options of the budget-versus-actual page: budget against approved per category, and the monthly series (amounts in yuan). */
import type { ChartOption } from '../../components/EChart';

const yuan = (fen: number) => fen / 100;
const axisYuan = { type: 'value' as const, axisLabel: { formatter: (v: number) => (v >= 10_000 ? `${v / 10_000}万` : String(v)) } };

export function budgetBarOption(categories: string[], budget: number[], approved: number[], names: { budget: string; approved: string }): ChartOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `¥${Number(v).toFixed(2)}` },
    legend: { data: [names.budget, names.approved] },
    grid: { left: 64, right: 16, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 } },
    yAxis: axisYuan,
    series: [
      { name: names.budget, type: 'bar', data: budget.map(yuan), itemStyle: { color: '#9fb7d9' } },
      { name: names.approved, type: 'bar', data: approved.map(yuan), itemStyle: { color: '#b71c1c' } },
    ],
  };
}

export function monthlyLineOption(months: string[], approved: number[], name: string): ChartOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `¥${Number(v).toFixed(2)}` },
    grid: { left: 64, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: months.map((m) => m.slice(5)) },
    yAxis: axisYuan,
    series: [{ name, type: 'line', data: approved.map(yuan), smooth: true, itemStyle: { color: '#b71c1c' }, areaStyle: { opacity: 0.08 } }],
  };
}
