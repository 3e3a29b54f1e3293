import { api } from '../api.js';
import { quadColor } from '../colors.js';
import { h } from '../dom.js';
import { QUAD_NAMES } from '../filters.js';
import { plural } from '../format.js';
import { filteredFrame } from '../frame.js';
import { emptyState } from '../status.js';
import { table } from '../table.js';
import type { StoryEvent } from '../types.js';
import type { View } from '../view.js';

const LIMIT = 500;

interface Place {
  name: string;
  lon: number;
  lat: number;
  events: StoryEvent[];
}

/** Events that share coordinates, most events first. */
function places(events: StoryEvent[]): Place[] {
  const byKey = new Map<string, Place>();
  for (const e of events) {
    const l = e.location;
    if (!l || l.lat === null || l.lon === null) continue;
    const key = `${l.lat.toFixed(2)},${l.lon.toFixed(2)}`;
    const p = byKey.get(key) ?? { name: l.name, lon: l.lon, lat: l.lat, events: [] };
    p.events.push(e);
    byKey.set(key, p);
  }
  return [...byKey.values()].sort((a, b) => b.events.length - a.events.length);
}

function placeTable(list: Place[]): HTMLElement {
  return table({
    caption: 'Places, most events first',
    columns: ['Place', 'Events', 'Newest'],
    body: list.map((p) => {
      const e = p.events[0] as StoryEvent;
      return [
        p.name,
        String(p.events.length),
        h('a', { href: `/events/${e.id}` }, `${e.date?.value ?? 'undated'} ${e.cameoLabel}`),
      ];
    }),
  });
}

/** Where the events under the current filters happened, on the bundled world outline. */
export const mapView: View = (ctx) => {
  const { query, fill } = filteredFrame(ctx, 'Map', '/map');
  return fill('the map', async (show) => {
    const q = new URLSearchParams(query);
    q.set('limit', String(LIMIT));
    const [page, { drawChart }, { registerWorld }] = await Promise.all([
      api.events(q, ctx.signal),
      import('../charts.js'),
      import('../world.js'),
    ]);
    const list = places(page.events);
    const located = list.reduce((n, p) => n + p.events.length, 0);
    const note = `${plural(located, 'event')} of ${page.events.length}${page.next ? ` (the newest ${LIMIT})` : ''} have a place.`;
    if (list.length === 0)
      return show(emptyState('No events with a place match these filters.', note));
    const chartEl = h('div', {
      class: 'chart chart-tall',
      role: 'img',
      'aria-label': 'World map of event places; the table below lists them',
    });
    show(h('p', { class: 'count' }, note), chartEl, placeTable(list));
    const max = Math.max(...list.map((p) => p.events.length));
    const { dispose } = drawChart(
      chartEl,
      {
        legend: { top: 0 },
        tooltip: {},
        geo: {
          map: registerWorld(),
          roam: true,
          itemStyle: { areaColor: '#eef1f4', borderColor: '#aab4be' },
          emphasis: { disabled: true },
        },
        series: QUAD_NAMES.map((name, i) => ({
          type: 'scatter' as const,
          coordinateSystem: 'geo',
          name,
          itemStyle: { color: quadColor(i + 1), opacity: 0.8 },
          data: list.flatMap((p) => {
            const n = p.events.filter((e) => e.quadClass === i + 1).length;
            const newest = p.events.find((e) => e.quadClass === i + 1);
            return newest ? [{ name: p.name, value: [p.lon, p.lat, n], id: newest.id }] : [];
          }),
          symbolSize: (v: number[]) => 6 + 18 * Math.sqrt((v[2] ?? 1) / max),
        })),
      },
      (p) => {
        const id = (p.data as { id?: number } | undefined)?.id;
        if (id !== undefined) ctx.navigate(`/events/${id}`);
      },
    );
    ctx.onDispose(dispose);
  });
};
