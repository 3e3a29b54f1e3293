import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { matchKey } from '../01-normalize/fold.js';
import type { Lexeme } from '../../dictionaries/index.js';
import type { NormalizedText } from '../01-normalize/normalize.js';

/** One token: its words, tag and offsets into the article body. */
export interface Token {
  text: string;
  pos: string;
  start: number;
  end: number;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Which dictionaries can start a phrase at this token (LEX bits of the lexicon given). */
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

// Only sentence boundaries and part-of-speech tags: the rest of wink's pipe is unused work.
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/** What a word gives, the same wherever it stands. */
interface Form {
  /** The word as wink hands it out. */
  value: string;
  key: string;
  cap: boolean;
  /** The entry of `key` in `lexicon`, and its LEX bits (kept here: one object less to read). */
  entry: Lexeme | undefined;
  lex: number;
  lexicon: ReadonlyMap<string, Lexeme> | null;
}

/** Enough for the vocabulary of news; past it the tables start again (memory stays flat). */
const MAX_FORMS = 200_000;
/** Forms by wink's word id: one array read per token instead of hashing its words. */
let byId: (Form | undefined)[] = [];
/** Forms by words, for tokens whose words differ from wink's (folded letters). */
const byText = new Map<string, Form>();
let count = 0;

function newForm(text: string): Form {
  count++;
  const first = text.charCodeAt(0);
  return {
    value: text,
    key: matchKey(text),
    cap: first >= 65 && first <= 90 ? true : first > 127 && text[0] !== text[0]?.toLowerCase(),
    entry: undefined,
    lex: 0,
    lexicon: null,
  };
}

function withLex(form: Form, lexicon: ReadonlyMap<string, Lexeme>): Form {
  if (form.lexicon !== lexicon) {
    form.entry = lexicon.get(form.key);
    form.lex = form.entry?.bits ?? 0;
    form.lexicon = lexicon;
  }
  return form;
}

/** Grows the table packed, never sparse: a sparse array would turn into a slow dictionary. */
function growTo(id: number): void {
  while (byId.length <= id) byId.push(undefined);
}

/** The form of wink's word `id` (token `w` of `doc`, read only the first time it is seen). */
function formById(id: number, doc: ReturnType<typeof nlp.readDoc>, w: number): Form {
  // The loop lives apart: compiled on its own while running (OSR) inside this function, it
  // was thrown away and entered again hundreds of times a run.
  if (id >= byId.length) growTo(id);
  let form = byId[id];
  if (form === undefined) {
    form = newForm(doc.tokens().itemAt(w).out());
    byId[id] = form;
  }
  return form;
}

function formByText(text: string): Form {
  let form = byText.get(text);
  if (form === undefined) {
    form = newForm(text);
    byText.set(text, form);
  }
  return form;
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
  // Started again between documents, never inside one: a form table emptied mid-document
  // would be written at high indexes and turn sparse.
  if (count > MAX_FORMS) {
    byId = [];
    byText.clear();
    count = 0;
  }
  const doc = nlp.readDoc(input.folded);
  const ids = doc.tokens().out(its.uniqueId) as unknown as number[];
  const tags = doc.tokens().out(its.pos) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const { folded, text: body } = input;
  // Folding left the body alone (it returns the same string then).
  const plain = folded === body;
  // Sized once: grown a push at a time, both arrays would be copied over and over.
  let size = 0;
  for (let w = 0; w < tags.length; w++) if (tags[w] !== 'SPACE') size++;
  const tokens: Token[] = new Array<Token>(size);
  const keys: string[] = new Array<string>(size);
  let t = 0;
  // Map wink's token index to ours (we drop whitespace tokens).
  const ours: number[] = new Array<number>(ids.length);
  let cursor = 0;
  for (let w = 0; w < ids.length; w++) {
    const pos = tags[w] as string;
    ours[w] = t;
    if (pos === 'SPACE') continue;
    const word = formById(ids[w] as number, doc, w);
    const value = word.value;
    // Most tokens follow the cursor directly or after one space: checked before a search.
    const next =
      folded.charCodeAt(cursor) === 32 && value.length > 0 && value.charCodeAt(0) !== 32
        ? cursor + 1
        : cursor;
    let at = folded.startsWith(value, next) ? next : folded.indexOf(value, cursor);
    const found = at >= 0 && at - cursor <= 40;
    // wink rewrites a few forms ("can't" → "ca"): fall back to the next non-space character.
    if (!found) {
      at = cursor;
      while (at < folded.length && /\s/.test(folded[at] as string)) at++;
    }
    const end = Math.min(at + value.length, body.length);
    // Where folding changed no letter of the token, its words are wink's.
    const same = found && (plain || body.startsWith(value, at));
    const text = same ? value : body.slice(at, end);
    const form = withLex(same ? word : formByText(text), lexicon);
    keys[t] = form.key;
    tokens[t++] = {
      text,
      pos,
      start: at,
      end,
      cap: form.cap,
      lex: form.lex,
      entry: form.entry,
    };
    cursor = end;
  }
  const sentences: Sentence[] = [];
  for (const [a, b] of spans) {
    const first = ours[a] ?? tokens.length;
    const last = b + 1 < ours.length ? (ours[b + 1] as number) : tokens.length;
    if (last <= first) continue;
    const start = (tokens[first] as Token).start;
    const end = (tokens[last - 1] as Token).end;
    let lex = 0;
    for (let i = first; i < last; i++) lex |= (tokens[i] as Token).lex;
    sentences.push({ index: sentences.length, first, last, start, end, lex });
  }
  return { tokens, keys, sentences };
}
