import type { TimelineRow } from './types.js';

export type By = 'week' | 'month';

const day = (d: Date) => d.toISOString().slice(0, 10);

function nextPeriod(period: string, by: By): string {
  if (by === 'month') {
    const [y, m] = period.split('-').map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return day(d);
}

/**
 * The periods from the first to the last, with the empty ones in between, so that time on the
 * chart's axis runs evenly. Gives up filling (keeps the rows) past `max` periods.
 * @example fillPeriods([{ period: '2024-01', ... }, { period: '2024-03', ... }], 'month') // 3 rows
 */
export function fillPeriods(
  rows: readonly TimelineRow[],
  by: By,
  max = 600,
): (TimelineRow & { empty: boolean })[] {
  const out: (TimelineRow & { empty: boolean })[] = [];
  const known = new Map(rows.map((r) => [r.period, r]));
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return out;
  for (let p = first.period; p <= last.period && out.length <= max; p = nextPeriod(p, by)) {
    const r = known.get(p);
    out.push(
      r
        ? { ...r, empty: false }
        : {
            period: p,
            events: 0,
            mentions: 0,
            quad: [0, 0, 0, 0],
            goldstein: 0,
            meanGoldstein: 0,
            empty: true,
          },
    );
  }
  return out.length > max ? rows.map((r) => ({ ...r, empty: false })) : out;
}
