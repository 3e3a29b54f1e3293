import { api } from '../api.js';
import { quadColor } from '../colors.js';
import { h } from '../dom.js';
import { filtersOf, QUAD_NAMES, withQuery } from '../filters.js';
import { filteredFrame } from '../frame.js';
import { fillPeriods, type By } from '../periods.js';
import { emptyState } from '../status.js';
import { table } from '../table.js';
import type { TimelineRow } from '../types.js';
import type { View } from '../view.js';

function byLinks(query: URLSearchParams, by: By): HTMLElement {
  const link = (b: By, label: string) => {
    const q = filtersOf(query);
    q.set('by', b);
    return h(
      'a',
      { href: withQuery('/timeline', q), ...(b === by ? { 'aria-current': 'true' } : {}) },
      label,
    );
  };
  return h(
    'p',
    { class: 'toggle', role: 'group', 'aria-label': 'Period' },
    'Per ',
    link('week', 'week'),
    ' ',
    link('month', 'month'),
  );
}

function dataTable(rows: TimelineRow[]): HTMLElement {
  return h(
    'details',
    { class: 'data' },
    h('summary', {}, 'The numbers'),
    table({
      caption: 'Story events per period',
      quietCaption: true,
      columns: ['Period', 'Events', 'Mentions', ...QUAD_NAMES, 'Mean Goldstein'],
      body: rows.map((r) => [
        r.period,
        String(r.events),
        String(r.mentions),
        ...r.quad.map(String),
        String(r.meanGoldstein),
      ]),
    }),
  );
}

/** Counts per week or month for an actor or a dyad, split by QuadClass, with mean Goldstein. */
export const timelineView: View = (ctx) => {
  const by: By = ctx.route.query.get('by') === 'week' ? 'week' : 'month';
  const { query, fill } = filteredFrame(ctx, 'Timeline', '/timeline', {
    keep: ['by'],
    above: [byLinks(ctx.route.query, by)],
  });
  return fill('the timeline', async (show) => {
    if (!query.get('actor') && !query.get('dyad'))
      return show(
        emptyState(
          'Choose an actor or a dyad to draw its timeline.',
          'For example, dyad RUS,SYR or actor putin, in the filters above.',
        ),
      );
    const q = new URLSearchParams(query);
    q.set('by', by);
    const [{ periods }, { drawChart }] = await Promise.all([
      api.timeline(q, ctx.signal),
      import('../charts.js'),
    ]);
    if (periods.length === 0) return show(emptyState('No story events match these filters.'));
    const rows = fillPeriods(periods, by);
    const chartEl = h('div', {
      class: 'chart',
      role: 'img',
      'aria-label': `Events per ${by} by QuadClass, and mean Goldstein`,
    });
    const total = periods.reduce((n, p) => n + p.events, 0);
    show(
      h('p', { class: 'count' }, `${total} story events in ${periods.length} ${by}s.`),
      chartEl,
      dataTable(periods),
    );
    const { dispose } = drawChart(chartEl, {
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 48, top: 56, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => r.period) },
      yAxis: [
        { type: 'value', name: 'events', minInterval: 1 },
        { type: 'value', name: 'Goldstein', min: -10, max: 10, splitLine: { show: false } },
      ],
      series: [
        ...QUAD_NAMES.map((name, i) => ({
          type: 'bar' as const,
          name,
          stack: 'quad',
          barMaxWidth: 40,
          itemStyle: { color: quadColor(i + 1) },
          data: rows.map((r) => r.quad[i] ?? 0),
        })),
        {
          type: 'line' as const,
          name: 'Mean Goldstein',
          yAxisIndex: 1,
          itemStyle: { color: '#333' },
          connectNulls: false,
          data: rows.map((r) => (r.empty ? null : r.meanGoldstein)),
        },
      ],
    });
    ctx.onDispose(dispose);
  });
};
