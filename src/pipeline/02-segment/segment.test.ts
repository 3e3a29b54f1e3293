import { describe, expect, it } from 'vitest';
import { loadDictionaries } from '../../dictionaries/index.js';
import { normalize } from '../01-normalize/normalize.js';
import { segment } from './segment.js';

const { lexicon } = loadDictionaries();
const words = (text: string) =>
  segment(normalize(text), lexicon).tokens.map((t) => [t.text, t.start, t.end]);

describe('segment: every token is the text at its offsets', () => {
  it.each<[string, string, (string | number)[][]]>([
    [
      'plain words',
      'Putin met Assad.',
      [
        ['Putin', 0, 5],
        ['met', 6, 9],
        ['Assad', 10, 15],
        ['.', 15, 16],
      ],
    ],
    [
      'folded letters keep the body’s own',
      'Erdoğan met Şara',
      [
        ['Erdoğan', 0, 7],
        ['met', 8, 11],
        ['Şara', 12, 16],
      ],
    ],
    [
      'a contraction wink splits',
      "Ankara can't wait",
      [
        ['Ankara', 0, 6],
        ['ca', 7, 9],
        ["n't", 9, 12],
        ['wait', 13, 17],
      ],
    ],
    [
      'typographic quotes and runs of spaces',
      '“Talks”   resumed\n\n\tin Doha',
      [
        ['“', 0, 1],
        ['Talks', 1, 6],
        ['”', 6, 7],
        ['resumed', 10, 17],
        ['in', 20, 22],
        ['Doha', 23, 27],
      ],
    ],
    [
      'a word seen folded and plain',
      'Erdogan and Erdoğan',
      [
        ['Erdogan', 0, 7],
        ['and', 8, 11],
        ['Erdoğan', 12, 19],
      ],
    ],
  ])('%s', (_, text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('gives the same tokens the second time a text is read', () => {
    const text = 'The Élysée said Macron would meet Zelenskyy in Kyiv.';
    expect(words(text)).toEqual(words(text));
  });

  it('marks capitals and dictionary words', () => {
    const tokens = segment(normalize('the Kremlin said'), lexicon).tokens;
    expect(tokens.map((t) => t.cap)).toEqual([false, true, false]);
    expect(tokens[1]?.lex).not.toBe(0);
    expect(tokens[1]?.entry).toBeDefined();
  });
});
