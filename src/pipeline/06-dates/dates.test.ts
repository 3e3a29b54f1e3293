import { describe, expect, it } from 'vitest';
import { findDates, resolveWeekday, toEventDate } from './dates.js';

describe('findDates', () => {
  it.each([
    ['Putin met Assad in Moscow on Wednesday.', '2024-07-25', '2024-07-24', 'day', 'Wednesday'],
    ['They met last year.', '2024-07-25', '2023', 'year', 'last year'],
    ['Türkiye cut ties with Syria in 2011.', '2024-07-25', '2011', 'year', '2011'],
    [
      'In December 2022, the ministers held talks.',
      '2024-07-25',
      '2022-12',
      'month',
      'December 2022',
    ],
    ['They last met in March 2023 in the Kremlin.', '2024-07-25', '2023-03', 'month', 'March 2023'],
    ['The treaty was signed on May 3, 2021.', '2024-07-25', '2021-05-03', 'day', 'May 3, 2021'],
  ])('%s', (sentence, published, value, precision, text) => {
    const d = findDates(sentence, 0, published)[0];
    expect(d).toMatchObject({ value, precision, text });
  });

  it('marks "since" dates', () => {
    expect(findDates('Russia has fought in Syria since 2015.', 0, '2024-07-25')[0]?.since).toBe(
      true,
    );
  });

  it('does not read a surname as a month', () => {
    expect(findDates('In a letter to Theresa May, Macron offered help.', 0, '2020-01-01')).toEqual(
      [],
    );
  });

  it('gives offsets in the article body', () => {
    const d = findDates('They met on Friday.', 100, '2024-07-25')[0];
    expect(d && [d.start, d.end]).toEqual([112, 118]);
  });
});

describe('resolveWeekday', () => {
  it.each([
    [3, '2024-07-25', 'past', '2024-07-24'],
    [4, '2024-07-25', 'past', '2024-07-25'],
    [5, '2024-07-25', 'past', '2024-07-19'],
    [5, '2024-07-25', 'future', '2024-07-26'],
    [4, '2024-07-25', 'future', '2024-08-01'],
    [1, '2024-07-25', 'future', '2024-07-29'],
  ] as const)('weekday %i from %s looking %s', (weekday, published, direction, expected) => {
    expect(resolveWeekday(weekday, published, direction)).toBe(expected);
  });
});

describe('toEventDate', () => {
  it('falls back to the publication date', () => {
    expect(toEventDate(null, '2024-07-25', 'past')).toMatchObject({
      value: '2024-07-25',
      basis: 'published',
      text: null,
    });
  });
  it('is null with no date in the text and none published', () => {
    expect(toEventDate(null, null, 'past')).toBeNull();
  });
  it('keeps absolute dates without a publication date, drops relative ones', () => {
    const [abs] = findDates('They met in March 2023.', 0, null);
    const [rel] = findDates('They met last year.', 0, null);
    expect(abs && toEventDate(abs, null, 'past')?.value).toBe('2023-03');
    expect(rel && toEventDate(rel, null, 'past')).toBeNull();
  });
});
