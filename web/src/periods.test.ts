import { describe, expect, it } from 'vitest';
import { unwrapRing } from './antimeridian.js';
import { goldsteinColor } from './colors.js';
import { fillPeriods } from './periods.js';

const row = (period: string, events: number) => ({
  period,
  events,
  mentions: events,
  quad: [events, 0, 0, 0],
  goldstein: events,
  meanGoldstein: 1,
});

describe('fillPeriods', () => {
  it.each([
    [
      'months over a year end',
      'month' as const,
      ['2023-11', '2024-02'],
      ['2023-11', '2023-12', '2024-01', '2024-02'],
    ],
    [
      'weeks from Monday to Monday',
      'week' as const,
      ['2024-07-15', '2024-08-05'],
      ['2024-07-15', '2024-07-22', '2024-07-29', '2024-08-05'],
    ],
    ['one period', 'month' as const, ['2024-07'], ['2024-07']],
    ['nothing', 'month' as const, [], []],
  ])('%s', (_name, by, periods, expected) => {
    const filled = fillPeriods(
      periods.map((p) => row(p, 2)),
      by,
    );
    expect(filled.map((r) => r.period)).toEqual(expected);
    expect(filled.filter((r) => !r.empty).map((r) => r.period)).toEqual(periods);
  });

  it('keeps the rows as they are past the most periods it fills', () => {
    const filled = fillPeriods([row('1990-01', 1), row('2024-01', 1)], 'month', 100);
    expect(filled.map((r) => r.period)).toEqual(['1990-01', '2024-01']);
  });
});

describe('map and colour helpers', () => {
  it.each([
    [
      [
        [170, 60],
        [179, 65],
        [-179, 66],
        [175, 61],
      ],
      [
        [170, 60],
        [179, 65],
        [181, 66],
        [175, 61],
      ],
    ],
    [
      [
        [-170, -16],
        [-180, -17],
        [180, -18],
        [-175, -16],
      ],
      [
        [-170, -16],
        [-180, -17],
        [-180, -18],
        [-175, -16],
      ],
    ],
    [
      [
        [10, 0],
        [20, 5],
        [15, 10],
      ],
      [
        [10, 0],
        [20, 5],
        [15, 10],
      ],
    ],
  ])('unwraps a ring across the 180th meridian: %j', (ring, expected) => {
    expect(unwrapRing(ring)).toEqual(expected);
  });

  it.each([
    [-10, 'rgb(178, 24, 43)'],
    [0, 'rgb(150, 150, 150)'],
    [10, 'rgb(33, 102, 172)'],
    [25, 'rgb(33, 102, 172)'],
  ])('Goldstein %d is %s', (g, colour) => {
    expect(goldsteinColor(g)).toBe(colour);
  });
});
