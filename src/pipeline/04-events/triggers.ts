import {
  LEX,
  TENSE,
  withPlurals,
  type Dictionaries,
  type Tense,
} from '../../dictionaries/index.js';
import { trieFrom } from '../../dictionaries/phrase-trie.js';
import type { EventPattern } from '../../dictionaries/schemas.js';
import type { Token } from '../02-segment/segment.js';

/** A word or phrase that names an event, with the pattern it matched. */
export interface Trigger {
  kind: 'verb' | 'noun';
  /** Token range of the trigger words, end exclusive (particles included). */
  first: number;
  last: number;
  pattern: EventPattern;
  id: string;
  tenses: Set<Tense> | null;
  /** Token index of the object noun a pattern required, or null. */
  object: number | null;
  /** Token index of the verb that carries a noun trigger ("held" in "held talks"). */
  light: number | null;
  /** "was hosted by": the subject is the target. */
  passive: boolean;
}

const STARTERS = new Set([
  'began',
  'begun',
  'begin',
  'begins',
  'started',
  'start',
  'starts',
  'continued',
  'continue',
  'continues',
  'resumed',
  'resume',
  'kept',
  'stopped',
  'stop',
  'halted',
  'finished',
]);
const BE = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  "'s",
  'am',
  'get',
  'got',
  'gets',
]);
/** Tags a verb's object can start with. */
const OBJECT_START = new Set(['DET', 'PRON', 'NUM', 'ADJ', 'PROPN', 'NOUN']);
const STOP = new Set(['.', ';', ':', ',', 'that', 'which', 'who', 'and', 'but']);
const NOUN_SKIP = new Set([
  'DET',
  'ADJ',
  'NUM',
  'ADV',
  'PRON',
  'NOUN',
  'PROPN',
  'PART',
  'ADP',
  'CCONJ',
  'PUNCT',
]);

/** A pattern's object words, lower-cased once, two-word ones by their first word. */
interface Objects {
  one: Set<string>;
  /** `one` and the plurals read as them. */
  forms: Set<string>;
  two: Map<string, Set<string>>;
}

/** Built once per pattern: patterns are read-only dictionary data. */
const objectSets = new WeakMap<readonly string[], Objects>();

function objectSet(objects: readonly string[]): Objects {
  let set = objectSets.get(objects);
  if (!set) {
    const one = new Set(objects.map((o) => o.toLowerCase()));
    set = { one, forms: withPlurals(one), two: new Map() };
    for (const o of set.one) {
      const space = o.indexOf(' ');
      if (space < 0) continue;
      const first = o.slice(0, space);
      let rest = set.two.get(first);
      if (!rest) set.two.set(first, (rest = new Set()));
      rest.add(o.slice(space + 1));
    }
    objectSets.set(objects, set);
  }
  return set;
}

/** Finds a required object within a few words after the verb ("cut diplomatic ties"). */
function findObject(
  tokens: readonly Token[],
  keys: readonly string[],
  from: number,
  last: number,
  objects: readonly string[],
): number | null {
  let wanted: Objects | null = null;
  for (let i = from; i < Math.min(last, from + 7); i++) {
    const k = keys[i] ?? '';
    if (i > from && STOP.has(k)) return null;
    // A word no pattern takes as its object is in no pattern's sets.
    if (!((tokens[i] as Token).lex & LEX.object)) continue;
    wanted ??= objectSet(objects);
    if (wanted.forms.has(k)) return i;
    // Two-word objects ("chemical weapons", "human shields").
    if (wanted.two.get(k)?.has(keys[i + 1] ?? '')) return i + 1;
  }
  return null;
}

function excepted(
  keys: readonly string[],
  tokens: readonly Token[],
  from: number,
  last: number,
  except: readonly string[],
): boolean {
  if (except.length === 0) return false;
  for (let i = from; i < Math.min(last, from + 3); i++) {
    const k = keys[i] ?? '';
    if (except.includes(k)) return true;
    const pos = tokens[i]?.pos;
    if (pos !== 'DET' && pos !== 'ADJ' && pos !== 'NUM') break;
  }
  return false;
}

function isPassive(
  keys: readonly string[],
  tokens: readonly Token[],
  at: number,
  first: number,
  tenseBits: number,
): boolean {
  if (!(tenseBits & TENSE.participle)) return false;
  for (let i = at - 1; i >= Math.max(first, at - 3); i--) {
    const k = keys[i] ?? '';
    if (BE.has(k)) return true;
    if (tokens[i]?.pos !== 'ADV') return false;
  }
  return false;
}

/** "long-threatened", "Israeli-occupied", "Jordan's visiting king": parts of a noun phrase. */
function describesNoun(keys: readonly string[], at: number): boolean {
  const prev = keys[at - 1];
  return prev === '-' || prev === "'s";
}

function verbCandidate(
  tokens: readonly Token[],
  tok: Token,
  keys: readonly string[],
  at: number,
  first: number,
  tenseBits: number,
): boolean {
  if (tok.pos === 'VERB') return true;
  // Taggers often call participles adjectives or nouns after "be"/"have": "were attacked".
  if (tenseBits & (TENSE.participle | TENSE.ing) && (tok.pos === 'ADJ' || tok.pos === 'NOUN')) {
    const prev = keys[at - 1] ?? '';
    if (BE.has(prev) || prev === 'has' || prev === 'have' || prev === 'had' || at === first)
      return true;
  }
  // A past form right after a name is its verb: "the prosecutor general accused", "the military put its".
  if (tenseBits & TENSE.past && (tok.pos === 'ADJ' || tok.pos === 'NOUN')) {
    const before = tokens[at - 1]?.pos;
    const after = tokens[at + 1]?.pos;
    // ...but "the tanker detained off Gibraltar" is a participle: a verb needs its object next.
    const object = OBJECT_START.has(after ?? '');
    return object && (before === 'PROPN' || before === 'NOUN' || before === 'ADJ');
  }
  return false;
}

/** The light verb before a noun trigger, if any: "held talks", "paid a visit", "engage in talks". */
function lightVerb(
  dict: Dictionaries,
  keys: readonly string[],
  tokens: readonly Token[],
  at: number,
  first: number,
): number | null {
  for (let i = at - 1; i >= Math.max(first, at - 5); i--) {
    const tok = tokens[i] as Token;
    if (dict.light.has(keys[i] ?? '') && tok.pos !== 'NOUN' && tok.pos !== 'PROPN') return i;
    // "long-awaited talks": hyphenated modifiers are skipped whole.
    if (keys[i - 1] === '-' || keys[i] === '-') continue;
    // "political, diplomatic and security dialogue": commas between adjectives stay in the phrase.
    if (keys[i] === ',' && tokens[i - 1]?.pos === 'ADJ') continue;
    if (!NOUN_SKIP.has(tok.pos) || keys[i] === ',' || keys[i] === 'that') return null;
  }
  return null;
}

/**
 * Stage 4a: every verb and noun in the sentence that matches an event pattern.
 * @example findTriggers(tokens, keys, 0, tokens.length, dict)
 */
export function findTriggers(
  tokens: readonly Token[],
  keys: readonly string[],
  first: number,
  last: number,
  dict: Dictionaries,
): Trigger[] {
  const out: Trigger[] = [];
  // Objects of verb patterns ("suspended talks") are not events of their own.
  let objects: Set<number> | null = null;
  for (let i = first; i < last; i++) {
    const tok = tokens[i] as Token;
    if (!(tok.lex & (LEX.verb | LEX.noun))) continue;
    const verbs = tok.entry?.verbs;
    let matched = false;
    // What stands before the word is the same for each of its patterns.
    if (verbs && !describesNoun(keys, i)) {
      const prevPos = tokens[i - 1]?.pos;
      const prevKey = keys[i - 1] ?? '';
      for (const v of verbs) {
        if (!verbCandidate(tokens, tok, keys, i, first, v.tenseBits)) continue;
        const base = (v.tenseBits & TENSE.base) !== 0;
        // "the occupied West Bank", "the detained activists": participles used as adjectives.
        if (!base && prevPos === 'DET') continue;
        // "discussed restoring ties": a gerund after another verb is a topic, not an act
        // unless that verb only starts it ("began delivering"); "torturing detained
        // activists": a participle after a gerund describes a noun.
        if (
          !base &&
          prevPos === 'VERB' &&
          ((v.tenseBits & TENSE.ing && !STARTERS.has(prevKey)) || prevKey.endsWith('ing'))
        )
          continue;
        let end = i + 1;
        let ok = true;
        for (const p of v.particle) {
          if (keys[end] === p) end++;
          else ok = false;
        }
        if (!ok) continue;
        if (excepted(keys, tokens, end, last, v.pattern.except)) continue;
        let object: number | null = null;
        const passive = isPassive(keys, tokens, i, first, v.tenseBits);
        if (v.pattern.object) {
          // "diplomats were expelled": a passive verb's object is its subject.
          object =
            findObject(tokens, keys, end, last, v.pattern.object) ??
            (passive
              ? findObject(tokens, keys, Math.max(first, i - 6), i, v.pattern.object)
              : null);
          if (object === null) continue;
        }
        out.push({
          kind: 'verb',
          first: i,
          last: end,
          pattern: v.pattern,
          id: v.id,
          tenses: v.tenses,
          object,
          light: null,
          passive,
        });
        matched = true;
        if (object !== null) (objects ??= new Set()).add(object);
        i = end - 1;
        break;
      }
    }
    if (matched) continue;
    const start = tok.entry?.noun;
    const noun = start ? trieFrom(start, keys, i, last) : undefined;
    if (noun && tok.pos !== 'VERB' && keys[i - 1] !== 'to' && !objects?.has(i + noun.length - 1)) {
      const entry = noun.values[0];
      if (!entry) continue;
      const end = i + noun.length;
      out.push({
        kind: 'noun',
        first: i,
        last: end,
        pattern: entry.pattern,
        id: entry.id,
        tenses: null,
        object: null,
        light: lightVerb(dict, keys, tokens, i, first),
        passive: false,
      });
      i = end - 1;
    }
  }
  return out;
}
