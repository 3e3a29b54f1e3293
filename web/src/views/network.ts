import { api } from '../api.js';
import { goldsteinColor } from '../colors.js';
import { h } from '../dom.js';
import { withQuery } from '../filters.js';
import { plural } from '../format.js';
import { filteredFrame } from '../frame.js';
import { emptyState } from '../status.js';
import { table } from '../table.js';
import type { DyadRow } from '../types.js';
import type { View } from '../view.js';

const mean = (d: DyadRow) => Math.round((d.goldstein / Math.max(1, d.events)) * 10) / 10;
const ends = (d: DyadRow) => d.pair.split('|') as [string, string];
const eventsOf = (q: Record<string, string>) => withQuery('/', new URLSearchParams(q));

function pairTable(dyads: DyadRow[]): HTMLElement {
  return table({
    caption: 'Pairs, most active first',
    columns: ['Pair', 'Events', 'Mentions', 'Mean Goldstein'],
    body: dyads.map((d) => {
      const [a, b] = ends(d);
      return [
        h('a', { class: 'nowrap', href: eventsOf({ dyad: `${a},${b}` }) }, `${a} – ${b}`),
        String(d.events),
        String(d.mentions),
        String(mean(d)),
      ];
    }),
  });
}

/** Who interacts with whom under the current filters: edges weighted by count, coloured by Goldstein. */
export const networkView: View = (ctx) => {
  const { query, fill } = filteredFrame(ctx, 'Network', '/network');
  return fill('the network', async (show) => {
    const q = new URLSearchParams(query);
    q.set('limit', '100');
    const [{ dyads }, { drawChart }] = await Promise.all([
      api.dyads(q, ctx.signal),
      import('../charts.js'),
    ]);
    if (dyads.length === 0) return show(emptyState('No pairs of actors match these filters.'));
    const weight = new Map<string, number>();
    for (const d of dyads) for (const a of ends(d)) weight.set(a, (weight.get(a) ?? 0) + d.events);
    const maxNode = Math.max(...weight.values());
    const maxEdge = Math.max(...dyads.map((d) => d.events));
    const chartEl = h('div', {
      class: 'chart chart-tall',
      role: 'img',
      'aria-label': 'Network of actors; the table below lists the same pairs',
    });
    show(
      h(
        'p',
        { class: 'count' },
        `${plural(weight.size, 'actor')}, ${plural(dyads.length, 'pair')}. Select an actor or a line to see its events.`,
      ),
      h(
        'p',
        { class: 'scale' },
        h('span', {}, 'conflict −10'),
        h('span', { class: 'gradient', 'aria-hidden': 'true' }),
        h('span', {}, '+10 cooperation'),
        h('span', { class: 'hint' }, ' (mean Goldstein of a pair; thicker lines, more events)'),
      ),
      chartEl,
      pairTable(dyads),
    );
    const spread = Math.min(chartEl.clientWidth, chartEl.clientHeight) / 512;
    const { dispose } = drawChart(
      chartEl,
      {
        tooltip: {},
        series: [
          {
            type: 'graph',
            layout: 'force',
            roam: true,
            draggable: true,
            // Laid out before the first frame, spread to the panel's size so that it fits.
            force: {
              repulsion: 150 * spread,
              edgeLength: [40 * spread, 100 * spread],
              gravity: 0.15,
              layoutAnimation: false,
            },
            label: { show: true, position: 'right' },
            data: [...weight].map(([name, n]) => ({
              name,
              value: n,
              symbolSize: 10 + 22 * Math.sqrt(n / maxNode),
            })),
            links: dyads.map((d) => {
              const [source, target] = ends(d);
              return {
                source,
                target,
                value: d.events,
                lineStyle: {
                  width: 1 + 7 * (d.events / maxEdge),
                  color: goldsteinColor(mean(d)),
                  opacity: 0.9,
                },
                tooltip: {
                  formatter: `${source} – ${target}: ${d.events} events, mean Goldstein ${mean(d)}`,
                },
              };
            }),
            itemStyle: { color: '#6b7b8c' },
            emphasis: { focus: 'adjacency' },
          },
        ],
      },
      (p) => {
        if (p.dataType === 'edge') {
          const { source, target } = p.data as { source: string; target: string };
          ctx.navigate(eventsOf({ dyad: `${source},${target}` }));
        } else if (p.dataType === 'node' && p.name) ctx.navigate(eventsOf({ actor: p.name }));
      },
    );
    ctx.onDispose(dispose);
  });
};
