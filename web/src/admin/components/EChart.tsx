/**
 * ECharts bound through echarts-for-react's core entry, registering only the chart types and
 * components the console uses (keeps the cockpit chunk small).
 */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, AriaComponentOption } from 'echarts/components';

echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | AriaComponentOption
>;

interface Props {
  option: ChartOption;
  height: number;
  /** Text alternative for the chart (it is drawn on a canvas). */
  label: string;
  /** Called with the clicked item's data (e.g. to drill down); keyboard users need another way to the same action. */
  onItemClick?: (data: unknown) => void;
}

/** People who ask their system for less motion get the charts drawn at once, without the grow-in animation. */
const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export function EChart({ option, height, label, onItemClick }: Props) {
  return (
    <div role="img" aria-label={label} className="chart-box">
      <ReactEChartsCore
        echarts={echarts}
        option={reducedMotion() ? { ...option, animation: false } : option}
        style={{ height, width: '100%' }}
        notMerge
        lazyUpdate
        opts={{ renderer: 'canvas' }}
        onEvents={onItemClick ? { click: (p: { data?: unknown }) => onItemClick(p.data) } : undefined}
      />
    </div>
  );
}
