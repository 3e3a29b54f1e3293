import { describe, expect, it } from 'vitest';
import { record } from './contract.test-suite.js';
import { factsOf, overlaps, windowOf } from './merge.js';

const ctx = { articleSeq: 1, storyId: 7, outlet: 'o', reportDay: '2024-07-25' };

describe('merge windows', () => {
  it.each([
    [
      { value: '2024-07-24', basis: 'text' },
      'asserted',
      { start: '2024-07-24', end: '2024-07-24' },
    ],
    [{ value: '2024-07', basis: 'text' }, 'asserted', { start: '2024-07-01', end: '2024-07-31' }],
    [{ value: '2024', basis: 'text' }, 'asserted', { start: '2024-01-01', end: '2024-12-31' }],
    [
      { value: '2024-07-25', basis: 'published' },
      'asserted',
      { start: '2024-07-22', end: '2024-07-25' },
    ],
    [
      { value: '2024-07-25', basis: 'published' },
      'planned',
      { start: '2024-07-25', end: '2024-08-24' },
    ],
  ] as const)('%o (%s) covers %o', (d, modality, expected) => {
    const precision = d.value.length === 10 ? 'day' : d.value.length === 7 ? 'month' : 'year';
    const date = { ...d, precision, text: null, start: null, end: null } as const;
    expect(windowOf(date, modality)).toEqual(expected);
  });

  it.each([
    [{ start: '2024-07-01', end: '2024-07-31' }, { start: '2024-07-24', end: '2024-07-24' }, true],
    [{ start: '2024-07-01', end: '2024-07-31' }, { start: '2024-08-01', end: '2024-08-01' }, false],
    [null, null, true],
    [null, { start: '2024-08-01', end: '2024-08-01' }, false],
  ])('%o meets %o: %s', (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
  });
});

describe('merge keys', () => {
  it.each([
    ['a meeting, either way round', record('1'), 'RUS|SYR|04|asserted|dated'],
    [
      'the same meeting told the other way',
      record('2', { source: 'SYRGOV', target: 'RUSGOV' }),
      'RUS|SYR|04|asserted|dated',
    ],
    [
      'an attack keeps its direction',
      record('3', { cameo: '190', source: 'SYRMIL', target: 'RUS' }),
      'SYR>RUS|19|asserted|dated',
    ],
    [
      'an organisation is its own anchor',
      record('4', { source: 'IGOUN', cameo: '112' }),
      'UN>SYR|11|asserted|dated',
    ],
    [
      'an undated report stays in its story',
      record('5', { date: null }),
      'RUS|SYR|04|asserted|story7',
    ],
    [
      'a possible meeting is another event',
      record('6', { modality: 'possible' }),
      'RUS|SYR|04|possible|dated',
    ],
  ])('%s', (_, r, key) => {
    expect(factsOf(r, ctx).mergeKey).toBe(key);
  });

  it('files every code, country, organisation and person by side', () => {
    expect(factsOf(record('1'), ctx).actorKeys.sort()).toEqual(
      ['s:RUS', 's:RUSGOV', 's:person:vladimir-putin', 't:SYR', 't:SYRGOV'].sort(),
    );
  });
});
