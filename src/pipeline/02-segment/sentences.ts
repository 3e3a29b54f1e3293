// Sentence ends found over wink-nlp's tokens by our own rules. wink's own splitter (its `sbd`
// step) runs a general pattern matcher over every token and cost a sixth of its reading time;
// these rules look at a token only when its words can end a sentence, and end sentences where
// wink's does (a test compares them on every gold sentence and example article).

/** What a token's words can do at a sentence's end; `other` for all but a few. */
export const END = {
  other: 0,
  /** A single line break. */
  newline: 1,
  /** A blank line (exactly two line breaks, as wink gives them): a sentence always ends before it. */
  paragraph: 2,
  period: 3,
  /** `!` or `?`. */
  bang: 4,
  /** `)`, `]` or `}`. */
  bracket: 5,
  /** A straight quote; the segmenter makes it `closingQuote` when no space stands before it. */
  quote: 6,
  closingQuote: 7,
  /** A comma or dash: right after a period, it says the period ended no sentence. */
  continues: 8,
  /** An abbreviation a sentence can end with ("Inc.", "p.m."), unlike a title ("Dr."). */
  abbreviation: 9,
  /** A capitalised word that commonly opens a sentence, the only sign an abbreviation ended one. */
  opener: 10,
} as const;

/** Abbreviations that stand before a name or inside a sentence, never at its end. */
const NEVER_LAST = new Set([
  'mr.',
  'mrs.',
  'ms.',
  'messrs.',
  'miss.',
  'dr.',
  'prof.',
  'gen.',
  'col.',
  'capt.',
  'lt.',
  'sgt.',
  'brig.',
  'gov.',
  'sen.',
  'rep.',
  'hon.',
  'esq.',
  'mt.',
  'shri.',
  'smt.',
  'e.g.',
  'eg.',
  'i.e.',
  'ie.',
  'viz.',
  'pp.',
]);

/**
 * Words that open sentences far more often than they follow an abbreviation inside one: the
 * pronouns, articles and determiners, prepositions, conjunctions, sentence adverbs, question
 * words and auxiliaries. "May" is left out: after "p.m." it is the month.
 */
const OPENERS = new Set(
  (
    'i you he she it we they his her its our their my your this that these those there here ' +
    'a an the some any each every all both no none many most several few other another ' +
    'such one two three about above across after against along amid among around as at before ' +
    'behind below beside between beyond by despite during except for from in inside into like ' +
    'near of off on onto outside over since through throughout to toward towards under unlike ' +
    'until upon with within without and but or nor so yet although though because if unless when ' +
    'whenever where while whereas whether once also however meanwhile moreover furthermore ' +
    'nevertheless still then now today yesterday tomorrow instead indeed just only even finally ' +
    'first later earlier thus therefore perhaps otherwise again already not according what which ' +
    'who whom whose why how is are was were has have had do does did can could might must shall ' +
    'should will would'
  ).split(' '),
);

/**
 * The END class of a word wink-nlp gave as one token; `abbreviation` says whether wink read it
 * as an abbreviation (a word with its period, such as "Inc." or "p.m.").
 * @example endClass('.', false) // END.period
 */
export function endClass(word: string, abbreviation: boolean): number {
  switch (word) {
    case '.':
      return END.period;
    case '!':
    case '?':
      return END.bang;
    case ')':
    case ']':
    case '}':
      return END.bracket;
    case '"':
    case "'":
      return END.quote;
    case ',':
    case '-':
      return END.continues;
    case '\n':
      return END.newline;
    case '\n\n':
      return END.paragraph;
  }
  const first = word.charCodeAt(0);
  if (first >= 65 && first <= 90 && OPENERS.has(word.toLowerCase())) return END.opener;
  if (abbreviation) {
    const lower = word.toLowerCase();
    // A letter and its period ("a.") is an initial or a list mark, not an end.
    if (lower.length !== 2 && !NEVER_LAST.has(lower)) return END.abbreviation;
  }
  return END.other;
}

/** Classes that close a sentence after its final period or mark. */
function closes(c: number): boolean {
  return c === END.bracket || c === END.closingQuote;
}

/**
 * The index of each token that ends a sentence, in order, from the END class of every token
 * (`marks[0..n)`). A blank line ends a sentence; a period, `!` or `?` ends one, with up to two
 * closing brackets, quotes or marks after it on the same line, except a period before a comma
 * or dash, or in a run of periods; an abbreviation ends one only before a common opening word.
 * Single line breaks are passed over, but a closer after one opens the next sentence.
 * @example sentenceEnds(Uint8Array.of(END.other, END.period, END.other, END.period), 4) // [1, 3]
 */
export function sentenceEnds(marks: Uint8Array, n: number): number[] {
  const ends: number[] = [];
  const at = (i: number): number => (i < n ? (marks[i] as number) : END.other);
  /** The first token from `i` on that is no single line break. */
  const skip = (i: number): number => {
    while (i < n && marks[i] === END.newline) i++;
    return i;
  };
  let i = 0;
  while (i < n) {
    const c = marks[i] as number;
    if (c === END.paragraph) {
      ends.push(i);
      i++;
      continue;
    }
    if (c === END.abbreviation) {
      const j = skip(i + 1);
      if (at(j) !== END.opener) {
        i++;
        continue;
      }
      ends.push(i);
      // The opener is taken with it, and a blank line right after (which so ends nothing).
      const k = skip(j + 1);
      i = at(k) === END.paragraph ? k + 1 : j + 1;
      continue;
    }
    if (c !== END.period && c !== END.bang) {
      i++;
      continue;
    }
    let j = skip(i + 1);
    const d = at(j);
    if (c === END.period && d === END.continues) {
      i = j + 1;
      continue;
    }
    if (c === END.period && d === END.period) {
      // ". ." or ". . .": an ellipsis written as separate periods ends nothing.
      const k = skip(j + 1);
      i = at(k) === END.period ? k + 1 : j + 1;
      continue;
    }
    // How many tokens after the mark the end takes (closers or more marks), and the last one.
    let taken = 0;
    let last = i;
    if (c === END.bang && d === END.bang) {
      taken = 1;
      last = j;
      j = skip(j + 1);
      if (at(j) === END.bang) {
        taken = 2;
        last = j;
        j = skip(j + 1);
      }
    } else if (closes(d)) {
      taken = 1;
      last = j;
      j = skip(j + 1);
      const e = at(j);
      // After a bracket any mark or closer; after a quote only a bracket.
      if (d === END.bracket ? e === END.period || e === END.bang || closes(e) : e === END.bracket) {
        taken = 2;
        last = j;
        j = skip(j + 1);
      }
    }
    // Counted in tokens, line breaks included: a closer after a line break is left to the next.
    ends.push(i + taken);
    // A blank line right after belongs to this end and ends nothing more.
    i = at(j) === END.paragraph ? j + 1 : last + 1;
  }
  return ends;
}
