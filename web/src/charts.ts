import { BarChart, GraphChart, LineChart, ScatterChart } from 'echarts/charts';
import type {
  BarSeriesOption,
  GraphSeriesOption,
  LineSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import {
  AriaComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import type {
  AriaComponentOption,
  GeoComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the parts the views draw, so the chart chunk stays small.
use([
  BarChart,
  GraphChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | GraphSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | AriaComponentOption
  | GeoComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/**
 * Draws a chart in an element and redraws it when the element changes size; the returned
 * function removes it.
 * @example const stop = drawChart(el, { series: [...] }); onDispose(stop);
 */
export function drawChart(
  el: HTMLElement,
  option: ChartOption,
  onClick?: (params: { dataType?: string; data?: unknown; name?: string }) => void,
): { chart: ECharts; dispose: () => void } {
  const chart = init(el, null, { renderer: 'canvas' });
  chart.setOption({
    aria: { enabled: true },
    // Tooltips drawn on the canvas: no markup built from data, nothing for the CSP to refuse.
    tooltip: { renderMode: 'richText', confine: true },
    ...option,
  });
  if (onClick) chart.on('click', (p) => onClick(p as never));
  // Resized in the next frame, not inside the observer, so a redraw cannot start a resize loop.
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => chart.isDisposed() || chart.resize());
  });
  observer.observe(el);
  return {
    chart,
    dispose: () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      chart.dispose();
    },
  };
}
