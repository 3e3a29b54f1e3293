import { describe, expect, it } from 'vitest';
import { addDays, lastDayOfMonth, span } from './dates.js';

describe('day arithmetic', () => {
  it.each([
    ['2024-07-24', -3, '2024-07-21'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-07-25', 30, '2024-08-24'],
    ['2025-01-29', -366, '2024-01-29'],
    ['2000-01-01', 0, '2000-01-01'],
  ])('%s %+d days is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it.each(['', 'yesterday', '24-07-2024'])('refuses %j as a day', (day) => {
    expect(() => addDays(day, 1)).toThrow(RangeError);
  });

  it.each([
    ['2024', { start: '2024-01-01', end: '2024-12-31' }],
    ['2024-02', { start: '2024-02-01', end: '2024-02-29' }],
    ['2024-07-24', { start: '2024-07-24', end: '2024-07-24' }],
  ])('%s spans %o', (value, expected) => {
    expect(span(value)).toEqual(expected);
  });

  it.each([
    ['2023-02', '2023-02-28'],
    ['2024-02', '2024-02-29'],
    ['2024-12', '2024-12-31'],
  ])('the last day of %s is %s', (month, expected) => {
    expect(lastDayOfMonth(month)).toBe(expected);
  });
});
