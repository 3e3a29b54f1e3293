/** An event reduced to what a level compares. */
export interface Comparable {
  key: string;
  source: string;
  target: string;
  symmetric: boolean;
  label: string;
}

export interface LevelCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(c: LevelCounts): Prf {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function sameDyad(a: Comparable, b: Comparable, withActors: boolean): boolean {
  if (!withActors) return true;
  const direct =
    a.source === b.source && (a.target === b.target || b.target === '*' || a.target === '*');
  if (direct) return true;
  return (a.symmetric || b.symmetric) && a.source === b.target && a.target === b.source;
}

/**
 * Matches predicted events to gold events of one sentence, one-to-one, and counts hits,
 * extras and misses.
 * @example matchSentence(pred, gold, true) // { counts: { tp: 1, fp: 0, fn: 0 }, misses: [], extras: [] }
 */
export function matchSentence(
  predicted: readonly Comparable[],
  gold: readonly Comparable[],
  withActors: boolean,
): { counts: LevelCounts; misses: Comparable[]; extras: Comparable[] } {
  const used = new Set<number>();
  const extras: Comparable[] = [];
  for (const p of predicted) {
    const i = gold.findIndex(
      (g, j) => !used.has(j) && g.key === p.key && sameDyad(g, p, withActors),
    );
    if (i >= 0) used.add(i);
    else extras.push(p);
  }
  const misses = gold.filter((_, j) => !used.has(j));
  return { counts: { tp: used.size, fp: extras.length, fn: misses.length }, misses, extras };
}

/** Drops repeats: two records of one act in one sentence count once. */
export function unique(items: Comparable[]): Comparable[] {
  const seen = new Set<string>();
  return items.filter((c) => {
    const pair = c.symmetric ? [c.source, c.target].sort() : [c.source, c.target];
    const k = `${c.key}|${pair.join('|')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
