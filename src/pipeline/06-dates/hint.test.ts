import { describe, expect, it } from 'vitest';
import { mayHoldDate } from './hint.js';

describe('mayHoldDate', () => {
  it.each<[string, boolean]>([
    ['Wednesday', true],
    ['march', true],
    ['Sept', true],
    ['yesterday', true],
    ['year-long', true],
    ['2011', true],
    ['5th', true],
    ['5', true],
    ['mid-2023', true],
    ['years', false],
    ['Mayor', false],
    ['met', false],
    ['Moscow', false],
    ['', false],
  ])('%s: %s', (word, expected) => {
    expect(mayHoldDate(word)).toBe(expected);
  });
});
