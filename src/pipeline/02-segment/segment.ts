import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { matchKey } from '../01-normalize/fold.js';
import type { NormalizedText } from '../01-normalize/normalize.js';

/** One token: its words, tag and offsets into the article body. */
export interface Token {
  /** Index in the document's token list. */
  i: number;
  text: string;
  /** Lower-case, diacritic-free form that dictionaries are keyed by. */
  key: string;
  pos: string;
  start: number;
  end: number;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Which dictionaries can start a phrase at this token (LEX bits), set once per article. */
  lex: number;
}

/** A sentence as a range of the document's tokens. */
export interface Sentence {
  index: number;
  /** Token range, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
}

export interface Segmented {
  tokens: Token[];
  sentences: Sentence[];
}

// Only sentence boundaries and part-of-speech tags: the rest of wink's pipe is unused work.
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/**
 * Splits the body into sentences and tagged tokens with wink-nlp, reading the folded text so
 * that every character wink sees is one it can tokenize.
 * @example segment(normalize('Putin met Assad. They talked.')).sentences.length // 2
 */
export function segment(input: NormalizedText): Segmented {
  const doc = nlp.readDoc(input.folded);
  const values = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const tokens: Token[] = [];
  // Map wink's token index to ours (we drop whitespace tokens).
  const ours: number[] = new Array<number>(values.length);
  let cursor = 0;
  for (let w = 0; w < values.length; w++) {
    const value = values[w] as string;
    const pos = tags[w] as string;
    ours[w] = tokens.length;
    if (pos === 'SPACE') continue;
    let at = input.folded.indexOf(value, cursor);
    // wink rewrites a few forms ("can't" → "ca"): fall back to the next non-space character.
    if (at < 0 || at - cursor > 40) {
      at = cursor;
      while (at < input.folded.length && /\s/.test(input.folded[at] as string)) at++;
    }
    const end = Math.min(at + value.length, input.text.length);
    const text = input.text.slice(at, end);
    const first = text.charCodeAt(0);
    tokens.push({
      i: tokens.length,
      text,
      key: matchKey(text),
      pos,
      start: at,
      end,
      cap: first >= 65 && first <= 90 ? true : first > 127 && text[0] !== text[0]?.toLowerCase(),
      lex: 0,
    });
    cursor = end;
  }
  const sentences: Sentence[] = [];
  for (const [a, b] of spans) {
    const first = ours[a] ?? tokens.length;
    const last = b + 1 < ours.length ? (ours[b + 1] as number) : tokens.length;
    if (last <= first) continue;
    const start = (tokens[first] as Token).start;
    const end = (tokens[last - 1] as Token).end;
    sentences.push({ index: sentences.length, first, last, start, end });
  }
  return { tokens, sentences };
}
