import { describe, expect, it } from 'vitest';
import { text } from './contract.test-suite.js';
import {
  BANDS,
  bandHash,
  decodeSignature,
  encodeSignature,
  jaccard,
  nearDuplicate,
  signature,
} from './minhash.js';

const base = text(7, 150);
const words = base.split(' ');

describe('MinHash near duplicates', () => {
  it('gives the same values in every build: stored signatures are compared with new ones', () => {
    const sig = signature('Putin met Assad in Moscow on Wednesday');
    expect(sig.shingles).toBe(5);
    expect(Array.from(sig.values.slice(0, 4))).toEqual([
      911430200, 139892867, 1592397414, 2005052667,
    ]);
    expect(signature('Two words').values[0]).toBe(1426165307);
  });

  it.each([
    ['the same text', base, true],
    [
      'one word in twelve changed',
      words.map((w, i) => (i % 12 === 3 ? 'other' : w)).join(' '),
      true,
    ],
    ['the text inside a longer report', `${text(8, 70)} ${base}`, true],
    ['the first third only', words.slice(0, 50).join(' '), true],
    ['another text', text(9, 150), false],
    [
      'one word in three changed',
      words.map((w, i) => (i % 3 === 0 ? `x${i}` : w)).join(' '),
      false,
    ],
    ['nothing', '', false],
  ])('%s: %s', (_, other, same) => {
    expect(nearDuplicate(signature(base), signature(other)).same).toBe(same);
  });

  it('estimates Jaccard within two standard errors of the truth', () => {
    const half = [...words.slice(0, 75), ...text(10, 75).split(' ')].join(' ');
    // 73 of 148 trigrams shared with each side's 148: true Jaccard 73 / 223.
    const truth = 73 / 223;
    const standardError = Math.sqrt((truth * (1 - truth)) / 64);
    expect(Math.abs(jaccard(signature(base), signature(half)) - truth)).toBeLessThan(
      2 * standardError,
    );
  });

  it('keys one bucket per band, and survives storage', () => {
    const sig = signature(base);
    expect(new Set(Array.from({ length: BANDS }, (_, b) => bandHash(sig, b))).size).toBe(BANDS);
    expect(decodeSignature(encodeSignature(sig), sig.shingles)).toEqual(sig);
  });
});
