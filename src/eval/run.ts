import type { Dictionaries } from '../dictionaries/index.js';
import { codeArticle } from '../pipeline/index.js';
import type { GoldSentence } from './gold.js';
import { cameoLevels, ploverLevels, type Level } from './levels.js';
import {
  matchSentence,
  prf,
  unique,
  type Comparable,
  type LevelCounts,
  type Prf,
} from './score.js';

export interface LevelResult extends LevelCounts, Prf {
  name: string;
}

export interface SentenceReport {
  id: string;
  text: string;
  misses: Comparable[];
  extras: Comparable[];
}

export interface EvalResult {
  scheme: 'CAMEO' | 'PLOVER';
  sentences: number;
  levels: LevelResult[];
  /** Misses and extras at the first (headline) level. */
  details: SentenceReport[];
}

/**
 * Codes every gold sentence and scores the records against the expected events at each level.
 * @example evaluate(gold, dict).levels[0]?.f1
 */
export function evaluate(gold: readonly GoldSentence[], dict: Dictionaries): EvalResult {
  const isPlover = gold.some((g) => g.expected.some((e) => /^[A-Z]/.test(e.code)));
  const levels: Level[] = isPlover ? ploverLevels() : cameoLevels(dict);
  const totals = levels.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  const details: SentenceReport[] = [];
  for (const g of gold) {
    const published = g.date && /^\d{4}-\d{2}-\d{2}/.test(g.date) ? g.date.slice(0, 10) : null;
    const records = codeArticle({ id: g.id, text: g.text, published }, dict).records;
    levels.forEach((level, i) => {
      const predicted = unique(
        records.map(level.predicted).filter((x): x is Comparable => x !== null),
      );
      const expected = unique(
        g.expected.map(level.gold).filter((x): x is Comparable => x !== null),
      );
      const m = matchSentence(predicted, expected, level.withActors);
      const t = totals[i] as LevelCounts;
      t.tp += m.counts.tp;
      t.fp += m.counts.fp;
      t.fn += m.counts.fn;
      if (i === 0 && (m.misses.length || m.extras.length))
        details.push({ id: g.id, text: g.text, misses: m.misses, extras: m.extras });
    });
  }
  return {
    scheme: isPlover ? 'PLOVER' : 'CAMEO',
    sentences: gold.length,
    levels: levels.map((l, i) => ({
      name: l.name,
      ...(totals[i] as LevelCounts),
      ...prf(totals[i] as LevelCounts),
    })),
    details,
  };
}
