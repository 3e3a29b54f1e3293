/** Day arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day. */

const DAY = 86_400_000;

/** Results of addDays by shift: a store's mentions ask about the same days again and again. */
const shifted = new Map<number, Map<string, string>>();

/** @example addDays('2024-07-24', -3) // '2024-07-21' */
export function addDays(day: string, n: number): string {
  let byDay = shifted.get(n);
  if (byDay === undefined) shifted.set(n, (byDay = new Map()));
  let out = byDay.get(day);
  if (out === undefined) {
    out = new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
    // Bounded: past the days of a few decades it starts again.
    if (byDay.size >= 20_000) byDay.clear();
    byDay.set(day, out);
  }
  return out;
}

/** @example lastDayOfMonth('2024-02') // '2024-02-29' */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The days a date value covers, from its first to its last.
 * @example span('2023-03') // { start: '2023-03-01', end: '2023-03-31' }
 */
export function span(value: string): { start: string; end: string } {
  if (value.length === 4) return { start: `${value}-01-01`, end: `${value}-12-31` };
  if (value.length === 7) return { start: `${value}-01`, end: lastDayOfMonth(value) };
  return { start: value, end: value };
}
