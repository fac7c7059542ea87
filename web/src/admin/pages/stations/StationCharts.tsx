/** The two charts of the station and room pages: a bar per month, and a pie of counts by kind. The numbers are the charts' text alternative. */
import { EChart, type ChartOption } from '../../components/EChart';

const AXIS_TEXT = '#333';
const PIE_COLOURS = ['#b71c1c', '#0b5cad', '#2e7d32', '#ad6800', '#6a1b9a', '#00695c', '#c41d7f', '#595959'];

export function MonthlyBarChart({ data, name, label, colour = '#b71c1c' }: { data: { month: string; value: number }[]; name: string; label: (summary: string) => string; colour?: string }) {
  const option: ChartOption = {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.map((d) => d.month.slice(2)), axisLabel: { color: AXIS_TEXT } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: AXIS_TEXT } },
    series: [{ type: 'bar', name, barMaxWidth: 28, itemStyle: { color: colour }, data: data.map((d) => d.value) }],
  };
  const summary = data.map((d) => `${d.month} ${d.value}`).join('，');
  return <EChart option={option} height={240} label={label(summary)} />;
}

export function CountPieChart({ data, label }: { data: { name: string; value: number }[]; label: (summary: string) => string }) {
  const option: ChartOption = {
    aria: { enabled: true },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, textStyle: { color: AXIS_TEXT } },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '42%'],
        label: { formatter: '{b} {c}', color: AXIS_TEXT },
        data: data.map((d, i) => ({ ...d, itemStyle: { color: PIE_COLOURS[i % PIE_COLOURS.length] } })),
      },
    ],
  };
  const summary = data.map((d) => `${d.name} ${d.value}`).join('，');
  return <EChart option={option} height={240} label={label(summary)} />;
}
