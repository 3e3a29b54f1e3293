import { describe, expect, it } from 'vitest';
import { record } from './contract.test-suite.js';
import {
  bestVersion,
  factsOf,
  generalizes,
  overlaps,
  readTally,
  summarize,
  windowOf,
  type Version,
} from './merge.js';

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

describe('the version a story event shows', () => {
  it.each([
    ['04', '043', true],
    ['040', '043', true],
    ['040', '0431', true],
    ['104', '1041', true],
    ['043', '040', false],
    ['040', '04', false],
    ['040', '050', false],
    ['042', '043', false],
    ['190', '193', true],
    ['043', '043', false],
  ])('%s is more general than %s: %s', (a, b, expected) => {
    expect(generalizes(a, b)).toBe(expected);
  });

  const v = (cameo: string, source = 'RUSGOV'): Version => ({
    cameo,
    label: `label ${cameo}`,
    quad: 1,
    goldstein: 1,
    plover: 'CONSULT',
    mode: null,
    source: { code: source, country: source.slice(0, 3), org: null },
    target: { code: 'SYRGOV', country: 'SYR', org: null },
  });
  const tally = (...counts: [Version, number][]) => counts;

  it.each([
    ['a hosting told twice as a meeting', tally([v('040'), 2], [v('043'), 1]), '043'],
    ['the code most reported, other things equal', tally([v('042'), 1], [v('043'), 2]), '043'],
    ['the more specific of two equally supported', tally([v('040'), 1], [v('042'), 1]), '042'],
    [
      'the first of two siblings equally supported',
      tally([v('042'), 1], [v('043'), 1], [v('040'), 2]),
      '042',
    ],
    ['not what other actors said', tally([v('040'), 3], [v('043', 'RUS'), 1]), '040'],
  ])('%s', (_, versions, cameo) => {
    expect(bestVersion(versions)?.cameo).toBe(cameo);
  });

  it('reads a tally in the keyed form earlier builds stored, and counts on in the new one', () => {
    const date = { value: '2024-07-24', precision: 'day', basis: 'text' };
    const place = { name: 'Moscow', country: 'RUS', lat: 55.75, lon: 37.62 };
    const keyed = {
      mentions: 3,
      articles: { '1': 2, '2': 1 },
      outlets: { tass: 3 },
      reports: { '2024-07-25': 3 },
      versions: { [JSON.stringify(v('040'))]: 2, [JSON.stringify(v('043'))]: 1 },
      dates: { [JSON.stringify(date)]: 3 },
      places: { [JSON.stringify(place)]: 1 },
      actors: { 's:RUSGOV': 3 },
    };
    const t = readTally(JSON.stringify(keyed));
    expect(t.versions).toEqual([
      [v('040'), 2],
      [v('043'), 1],
    ]);
    expect(t.dates).toEqual([[date, 3]]);
    expect(t.places).toEqual([[place, 1]]);
    expect(t.articles).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(t.actors).toEqual([['s:RUSGOV', 3]]);
    expect(summarize(t, 'asserted')).toMatchObject({
      version: { cameo: '043' },
      day: '2024-07-24',
      numArticles: 2,
      place: { name: 'Moscow' },
    });
    expect(readTally(JSON.stringify(t))).toEqual(t);
  });
});
