import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEX, loadDictionaries } from '../../dictionaries/index.js';
import { normalize } from '../01-normalize/normalize.js';
import { DATE_HINT } from '../06-dates/hint.js';
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

describe('segment: the date bit', () => {
  it.each<[string, string[]]>([
    ['Putin met Assad on Wednesday.', ['Wednesday']],
    ['They met in March 2023, two years ago.', ['March', '2023', 'ago']],
    ['The 5th round of talks opened last week.', ['5th', 'week']],
    ['Talks resumed after a year-long pause.', ['year']],
    ['Putin met Assad in Moscow.', []],
  ])('%s', (text, dated) => {
    const tokens = segment(normalize(text), lexicon).tokens;
    expect(tokens.filter((t) => t.lex & LEX.date).map((t) => t.text)).toEqual(dated);
  });

  // The stage that finds dates skips sentences without the bit: it must be on wherever one is.
  it('is on in every gold sentence where a date word stands', () => {
    const lines = readFileSync('test/fixtures/gold.jsonl', 'utf8').split('\n').filter(Boolean);
    let dated = 0;
    const missed: string[] = [];
    for (const line of lines) {
      const norm = normalize((JSON.parse(line) as { text: string }).text);
      for (const s of segment(norm, lexicon).sentences) {
        const sentence = norm.text.slice(s.start, s.end);
        DATE_HINT.lastIndex = 0;
        if (!DATE_HINT.test(sentence)) continue;
        dated++;
        if (!(s.lex & LEX.date)) missed.push(sentence);
      }
    }
    expect(missed).toEqual([]);
    expect(dated).toBeGreaterThan(50);
  });
});
