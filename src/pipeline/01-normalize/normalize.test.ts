import { describe, expect, it } from 'vitest';
import { foldForTagging, matchKey } from './fold.js';
import { normalize } from './normalize.js';

describe('foldForTagging', () => {
  it.each([
    ['Erdoğan', 'Erdogan'],
    ['Türkiye', 'Türkiye'],
    ['Łukaszenka', 'Lukaszenka'],
    ['Assad’s', "Assad's"],
    ['Kyiv — Kharkiv', 'Kyiv - Kharkiv'],
    ['Şahin ısrar', 'Sahin israr'],
    ['Москва', 'xxxxxx'],
  ])('%s → %s', (input, expected) => {
    const out = foldForTagging(input);
    expect(out).toBe(expected);
    expect(out.length).toBe(input.length);
  });
});

describe('matchKey', () => {
  it.each([
    ['Türkiye', 'turkiye'],
    ['Côte', 'cote'],
    ['ERDOĞAN', 'erdogan'],
    ['Élysée', 'elysee'],
  ])('%s → %s', (input, expected) => expect(matchKey(input)).toBe(expected));
});

describe('normalize', () => {
  it('composes to NFC and keeps lengths equal', () => {
    const n = normalize('Erdog\u0306an met Assad');
    expect(n.text).toBe('Erdoğan met Assad');
    expect(n.folded).toBe('Erdogan met Assad');
  });
});
