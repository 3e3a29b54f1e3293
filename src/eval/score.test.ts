import { describe, expect, it } from 'vitest';
import { matchSentence, prf, unique, type Comparable } from './score.js';

const c = (key: string, source: string, target: string, symmetric = false): Comparable => ({
  key,
  source,
  target,
  symmetric,
  label: key,
});

describe('matchSentence', () => {
  it.each([
    ['exact', [c('04', 'RUS', 'SYR')], [c('04', 'RUS', 'SYR')], true, { tp: 1, fp: 0, fn: 0 }],
    [
      'reversed symmetric',
      [c('04', 'SYR', 'RUS', true)],
      [c('04', 'RUS', 'SYR', true)],
      true,
      { tp: 1, fp: 0, fn: 0 },
    ],
    [
      'reversed directed',
      [c('19', 'SYR', 'RUS')],
      [c('19', 'RUS', 'SYR')],
      true,
      { tp: 0, fp: 1, fn: 1 },
    ],
    ['wrong code', [c('19', 'RUS', 'SYR')], [c('04', 'RUS', 'SYR')], true, { tp: 0, fp: 1, fn: 1 }],
    ['types only', [c('04', 'X', 'Y')], [c('04', 'RUS', 'SYR')], false, { tp: 1, fp: 0, fn: 0 }],
    [
      'one to one',
      [c('04', 'RUS', 'SYR')],
      [c('04', 'RUS', 'SYR'), c('04', 'RUS', 'SYR')],
      true,
      { tp: 1, fp: 0, fn: 1 },
    ],
    ['nothing expected', [c('04', 'RUS', 'SYR')], [], true, { tp: 0, fp: 1, fn: 0 }],
  ])('%s', (_, predicted, gold, withActors, counts) => {
    expect(matchSentence(predicted, gold, withActors).counts).toEqual(counts);
  });
});

describe('prf', () => {
  it('computes precision, recall and F1', () => {
    const r = prf({ tp: 8, fp: 2, fn: 8 });
    expect(r.precision).toBeCloseTo(0.8);
    expect(r.recall).toBeCloseTo(0.5);
    expect(r.f1).toBeCloseTo(0.6154, 3);
  });
});

describe('unique', () => {
  it('keeps one of a symmetric pair and both directions of a directed one', () => {
    expect(unique([c('04', 'A', 'B', true), c('04', 'B', 'A', true)])).toHaveLength(1);
    expect(unique([c('19', 'A', 'B'), c('19', 'B', 'A')])).toHaveLength(2);
  });
});
