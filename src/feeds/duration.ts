const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/**
 * Milliseconds of a duration written with units: `15m`, `90s`, `1h30m`, `2d`, `500ms`. A bare
 * number is refused: `ms` would read "15" as 15 milliseconds, which for `--every` means
 * hammering every feed, so a strict pattern is kinder here than that package.
 * @example parseDuration('1h30m') // 5400000
 */
export function parseDuration(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (!WHOLE.test(t)) return null;
  let total = 0;
  for (const m of t.matchAll(PART)) total += Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  return total;
}

/**
 * A duration as a person reads it: `15m`, `1h30m`, `2.5s`.
 * @example formatDuration(5_400_000) // '1h30m'
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${+(ms / 1000).toFixed(1)}s`;
  const parts: string[] = [];
  let rest = Math.round(ms / 1000);
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}
