import { describe, expect, it } from 'vitest';
import { loadDictionaries, TENSE, type Tense } from './index.js';

const dict = loadDictionaries();

describe('verb forms', () => {
  it.each<[string, Tense[]]>([
    ['met', ['past', 'participle']],
    ['meets', ['s']],
    ['meeting', ['ing']],
    ['meet', ['base']],
  ])('%s is %s', (form, tenses) => {
    const entries = dict.verbs.get(form) ?? [];
    expect(entries.length).toBeGreaterThan(0);
    for (const v of entries) expect([...v.tenses].sort()).toEqual([...tenses].sort());
  });

  // The coder tests the bits; explain and modality read the set: both must say the same.
  it('give their tenses as bits and as a set alike', () => {
    let checked = 0;
    for (const entries of dict.verbs.values())
      for (const v of entries) {
        for (const t of Object.keys(TENSE) as Tense[])
          expect((v.tenseBits & TENSE[t]) !== 0).toBe(v.tenses.has(t));
        checked++;
      }
    expect(checked).toBeGreaterThan(500);
  });
});
