import { readdirSync, readFileSync } from 'node:fs';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { describe, expect, it } from 'vitest';
import { normalize } from '../01-normalize/normalize.js';
import { segment } from './segment.js';
import { END, endClass, sentenceEnds } from './sentences.js';

const sentencesOf = (text: string): string[] => {
  const norm = normalize(text);
  return segment(norm).sentences.map((s) => norm.text.slice(s.start, s.end));
};

describe('endClass', () => {
  it.each<[string, boolean, number]>([
    ['.', false, END.period],
    ['?', false, END.bang],
    ['!', false, END.bang],
    [')', false, END.bracket],
    ['"', false, END.quote],
    ["'", false, END.quote],
    [',', false, END.continues],
    ['-', false, END.continues],
    ['\n', false, END.newline],
    ['\n\n', false, END.paragraph],
    ['\n\n\n', false, END.other],
    ['p.m.', true, END.abbreviation],
    ['Inc.', true, END.abbreviation],
    ['Dr.', true, END.other],
    ['e.g.', true, END.other],
    ['a.', true, END.other],
    ['U.S.', false, END.other],
    ['The', false, END.opener],
    ['She', false, END.opener],
    ['the', false, END.other],
    ['May', false, END.other],
    ['Putin', false, END.other],
  ])('%j (abbreviation %s)', (word, abbreviation, expected) => {
    expect(endClass(word, abbreviation)).toBe(expected);
  });
});

const { other: o, period: p, bang: b, bracket: k, closingQuote: q, newline: nl } = END;

describe('sentenceEnds', () => {
  it.each<[string, number[], number[]]>([
    ['a period, then the end of the text', [o, p, o, p], [1, 3]],
    ['no mark at all', [o, o, o], []],
    ['a blank line ends without a mark', [o, END.paragraph, o], [1]],
    ['a blank line after a period ends nothing more', [o, p, END.paragraph, o, p], [1, 4]],
    ['a comma after a period: no end', [o, p, END.continues, o, p], [4]],
    ['an ellipsis of periods: no end', [o, p, p, p, o, p], [5]],
    ['a closing quote goes with the end', [o, p, q, o, p], [2, 4]],
    ['a bracket, then a quote', [o, p, k, q, o], [3]],
    ['a quote, then a bracket', [o, p, q, k, o], [3]],
    ['a quote after a quote stays behind', [o, p, q, q, o], [2]],
    ['three marks in a row', [o, b, b, b, o], [3]],
    ['a period then a bang: two ends', [o, p, b, o], [1, 2]],
    ['a closer on the next line opens the next sentence', [o, p, nl, q, o], [2]],
    ['a line break between sentences is passed over', [o, p, nl, o, p], [1, 4]],
    ['an abbreviation before an opener', [o, END.abbreviation, END.opener, o], [1]],
    ['an abbreviation before a name', [o, END.abbreviation, o, o], []],
    ['an abbreviation, a line break, an opener', [o, END.abbreviation, nl, END.opener], [1]],
  ])('%s', (_, marks, expected) => {
    expect(sentenceEnds(Uint8Array.from(marks), marks.length)).toEqual(expected);
  });
});

describe('segment: sentences', () => {
  it.each<[string, string[]]>([
    [
      'Mr. Putin met Dr. Assad. The U.S. Army left.',
      ['Mr. Putin met Dr. Assad.', 'The U.S. Army left.'],
    ],
    ['He said "no." Then he left.', ['He said "no." Then he left.']],
    ['Talks ended. "We agreed," he said.', ['Talks ended.', '"We agreed," he said.']],
    ['"We agreed." Then he left.', ['"We agreed."', 'Then he left.']],
    ['Prices rose 2.5 percent. Then? Yes!', ['Prices rose 2.5 percent.', 'Then?', 'Yes!']],
    ['Talks stalled . . . and resumed.', ['Talks stalled . . . and resumed.']],
    [
      'It ended at 5 p.m. The talks resume today.',
      ['It ended at 5 p.m.', 'The talks resume today.'],
    ],
    ['The vote is at 8 p.m. May 1 in Kyiv.', ['The vote is at 8 p.m. May 1 in Kyiv.']],
    ['He left (for good.) She stayed.', ['He left (for good.)', 'She stayed.']],
    [
      'Headline without a period\n\nThe body starts here.',
      ['Headline without a period', 'The body starts here.'],
    ],
    ['He said.\n"We go."', ['He said.', '"We go."']],
    ['Really?! Yes.', ['Really?!', 'Yes.']],
  ])('%j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

// The rules stand in for wink-nlp's own splitter: over our gold sentences and example articles
// they must end every sentence where wink's does.
describe("segment: sentence ends agree with wink-nlp's splitter", () => {
  const wink = winkNLP(model, ['sbd', 'pos']);
  const golds = readFileSync('test/fixtures/gold.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const examples = readdirSync('examples')
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(`examples/${f}`, 'utf8'));
  it.each([
    ['gold sentences', golds],
    ['example articles', examples],
  ])('%s', (_, texts) => {
    let sentences = 0;
    const differ: string[][] = [];
    for (const text of texts) {
      const ours = sentencesOf(text);
      const theirs = wink
        .readDoc(normalize(text).folded)
        .sentences()
        .out()
        .map((s) => s.trim())
        .filter(Boolean);
      sentences += ours.length;
      // Compared on the folded text wink reads: only the letters folding changed may differ.
      const folded = ours.map((s) => normalize(s).folded);
      if (JSON.stringify(folded) !== JSON.stringify(theirs)) differ.push(folded, theirs);
    }
    expect(differ).toEqual([]);
    expect(sentences).toBeGreaterThanOrEqual(texts.length);
  });
});
