import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { matchKey } from '../01-normalize/fold.js';
import type { Lexeme } from '../../dictionaries/index.js';
import { LEX } from '../../dictionaries/lex.js';
import type { NormalizedText } from '../01-normalize/normalize.js';
import { mayHoldDate } from '../06-dates/hint.js';
import { END, endClass, sentenceEnds } from './sentences.js';

/** One token: its words, tag and offsets into the article body. */
export interface Token {
  text: string;
  pos: string;
  start: number;
  end: number;
  /** Starts with a capital letter. */
  cap: boolean;
  /**
   * Which dictionaries can start a phrase at this token (LEX bits of the lexicon given), and
   * `LEX.date` if a date expression may hold it.
   */
  lex: number;
  /** The lexicon's entry for the key, when some phrase starts with it. */
  entry: Lexeme | undefined;
}

/** A sentence as a range of the document's tokens. */
export interface Sentence {
  index: number;
  /** Token range, end exclusive. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** The LEX bits of its tokens together: a stage none of whose words it holds can skip it. */
  lex: number;
}

export interface Segmented {
  tokens: Token[];
  /**
   * Each token's key (lower-case, diacritic-free: what dictionaries are keyed by), in token
   * order; kept here alone, the token objects stay smaller.
   */
  keys: string[];
  sentences: Sentence[];
}

// Only part-of-speech tags: the rest of wink's pipe is unused work, and sentence ends are found
// by our own rules (sentences.ts), faster than wink's step, which took a sixth of its time.
const nlp = winkNLP(model, ['pos']);
const its = nlp.its;

// What a word gives, the same wherever it stands, is kept in tables by form number (the order
// forms were first seen in, so that common words sit close together): numbers in typed arrays,
// words as references. An object per form cost a cache miss a token.

/** Enough for the vocabulary of news; past it the tables start again (memory stays flat). */
const MAX_FORMS = 200_000;
/** Numbers of a form, four a form: length, first and last character, capital (0 or 1). */
let shape = new Int32Array(4 * 4096);
/** LEX bits of a form in `lexiconOf[form]`, with `LEX.date` if a date may hold it. */
let lexOf = new Int32Array(4096);
/** END class of a form wink gave (sentences.ts). */
let endOf = new Uint8Array(4096);
const valueOf: string[] = [];
const keyOf: string[] = [];
const entryOf: (Lexeme | undefined)[] = [];
const lexiconOf: (ReadonlyMap<string, Lexeme> | null)[] = [];
/** Form number + 1 by wink's word id (0: not seen): one read a token instead of hashing its words. */
let byId = new Int32Array(1 << 16);
/** The END class of each of a document's tokens, kept between documents and grown as needed. */
let marks = new Uint8Array(1024);
/** Form numbers by words, for tokens whose words differ from wink's (folded letters). */
const byText = new Map<string, number>();
let count = 0;

function newForm(text: string): number {
  const f = count++;
  if (f >= lexOf.length) {
    const grownShape = new Int32Array(shape.length * 2);
    grownShape.set(shape);
    shape = grownShape;
    const grownLex = new Int32Array(lexOf.length * 2);
    grownLex.set(lexOf);
    lexOf = grownLex;
    const grownEnd = new Uint8Array(endOf.length * 2);
    grownEnd.set(endOf);
    endOf = grownEnd;
  }
  const first = text.charCodeAt(0);
  shape[4 * f] = text.length;
  shape[4 * f + 1] = first;
  shape[4 * f + 2] = text.charCodeAt(text.length - 1);
  shape[4 * f + 3] =
    (first >= 65 && first <= 90) || (first > 127 && text[0] !== text[0]?.toLowerCase()) ? 1 : 0;
  valueOf[f] = text;
  keyOf[f] = matchKey(text);
  entryOf[f] = undefined;
  lexOf[f] = 0;
  lexiconOf[f] = null;
  endOf[f] = END.other;
  return f;
}

/** The form number of wink's word `id` (token `w` of `doc`, read only the first time it is seen). */
function formById(id: number, doc: ReturnType<typeof nlp.readDoc>, w: number): number {
  if (id >= byId.length) {
    const grown = new Int32Array(Math.max(byId.length * 2, id + 1));
    grown.set(byId);
    byId = grown;
  }
  const known = byId[id] as number;
  if (known > 0) return known - 1;
  const token = doc.tokens().itemAt(w);
  const text = token.out();
  const f = newForm(text);
  // Whether wink read it as an abbreviation matters only to a word with its period.
  endOf[f] = endClass(
    text,
    text.length > 1 && text.endsWith('.') && (token.out(its.abbrevFlag) as unknown) === true,
  );
  byId[id] = f + 1;
  return f;
}

function formByText(text: string): number {
  let f = byText.get(text);
  if (f === undefined) {
    f = newForm(text);
    byText.set(text, f);
  }
  return f;
}

/** Looks the form up in `lexicon` the first time it is asked with that lexicon. */
function withLex(f: number, lexicon: ReadonlyMap<string, Lexeme>): number {
  if (lexiconOf[f] !== lexicon) {
    const entry = lexicon.get(keyOf[f] as string);
    entryOf[f] = entry;
    lexOf[f] = (entry?.bits ?? 0) | (mayHoldDate(valueOf[f] as string) ? LEX.date : 0);
    lexiconOf[f] = lexicon;
  }
  return f;
}

/**
 * Where body and folded text differ, in order: a token holding none of them is wink's words
 * as they stand in the body.
 */
function foldedAt(body: string, folded: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) !== folded.charCodeAt(i)) at.push(i);
  return at;
}

const NO_WORDS: ReadonlyMap<string, Lexeme> = new Map();

/**
 * Splits the body into sentences and tagged tokens with wink-nlp, reading the folded text so
 * that every character wink sees is one it can tokenize. `lexicon` gives each token's LEX bits.
 * @example segment(normalize('Putin met Assad. They talked.')).sentences.length // 2
 */
export function segment(
  input: NormalizedText,
  lexicon: ReadonlyMap<string, Lexeme> = NO_WORDS,
): Segmented {
  // Started again between documents, never inside one: numbers handed out in this one stay.
  if (count > MAX_FORMS) {
    byId.fill(0);
    byText.clear();
    for (const table of [valueOf, keyOf, entryOf, lexiconOf]) table.length = 0;
    count = 0;
  }
  const doc = nlp.readDoc(input.folded);
  const ids = doc.tokens().out(its.uniqueId) as unknown as number[];
  const tags = doc.tokens().out(its.pos) as string[];
  const { folded, text: body } = input;
  // Folding left the body alone (it returns the same string then).
  const changed = folded === body ? [] : foldedAt(body, folded);
  let nextChange = 0;
  // Sized once: grown a push at a time, both arrays would be copied over and over.
  let size = 0;
  for (let w = 0; w < tags.length; w++) if (tags[w] !== 'SPACE') size++;
  const tokens: Token[] = new Array<Token>(size);
  const keys: string[] = new Array<string>(size);
  let t = 0;
  // Map wink's token index to ours (we drop whitespace tokens).
  const ours: number[] = new Array<number>(ids.length);
  let cursor = 0;
  if (marks.length < ids.length) marks = new Uint8Array(2 * ids.length);
  for (let w = 0; w < ids.length; w++) {
    const pos = tags[w] as string;
    ours[w] = t;
    const word = formById(ids[w] as number, doc, w);
    if (pos === 'SPACE') {
      marks[w] = endOf[word] as number;
      continue;
    }
    const length = shape[4 * word] as number;
    const first = shape[4 * word + 1] as number;
    // Most tokens follow the cursor directly or after one space: checked before a search.
    const next =
      folded.charCodeAt(cursor) === 32 && length > 0 && first !== 32 ? cursor + 1 : cursor;
    let at: number;
    let found = true;
    // Its first and last characters there: wink's words are the text's own, so it stands there.
    if (
      length > 0 &&
      folded.charCodeAt(next) === first &&
      folded.charCodeAt(next + length - 1) === shape[4 * word + 2]
    )
      at = next;
    else {
      const value = valueOf[word] as string;
      at = folded.startsWith(value, next) ? next : folded.indexOf(value, cursor);
      found = at >= 0 && at - cursor <= 40;
      // wink rewrites a few forms ("can't" → "ca"): fall back to the next non-space character.
      if (!found) {
        at = cursor;
        while (at < folded.length && /\s/.test(folded[at] as string)) at++;
      }
    }
    const end = Math.min(at + length, body.length);
    const mark = endOf[word] as number;
    // A quote with no space before it closes what went before.
    marks[w] =
      mark === END.quote ? (folded.charCodeAt(at - 1) === 32 ? END.other : END.closingQuote) : mark;
    // Where folding changed no letter of the token, its words are wink's.
    while (nextChange < changed.length && (changed[nextChange] as number) < at) nextChange++;
    const same = found && !(nextChange < changed.length && (changed[nextChange] as number) < end);
    const text = same ? (valueOf[word] as string) : body.slice(at, end);
    const form = withLex(same ? word : formByText(text), lexicon);
    keys[t] = keyOf[form] as string;
    tokens[t++] = {
      text,
      pos,
      start: at,
      end,
      cap: shape[4 * form + 3] === 1,
      lex: lexOf[form] as number,
      entry: entryOf[form],
    };
    cursor = end;
  }
  const sentences: Sentence[] = [];
  let a = 0;
  const ends = sentenceEnds(marks, ids.length);
  // The tokens after the last end are a sentence too.
  if (ids.length > 0 && ends[ends.length - 1] !== ids.length - 1) ends.push(ids.length - 1);
  for (const b of ends) {
    const first = ours[a] ?? tokens.length;
    a = b + 1;
    const last = a < ours.length ? (ours[a] as number) : tokens.length;
    if (last <= first) continue;
    const start = (tokens[first] as Token).start;
    const end = (tokens[last - 1] as Token).end;
    let lex = 0;
    for (let i = first; i < last; i++) lex |= (tokens[i] as Token).lex;
    sentences.push({ index: sentences.length, first, last, start, end, lex });
  }
  return { tokens, keys, sentences };
}
