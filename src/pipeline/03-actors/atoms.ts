import { LEX, type Atom } from '../../dictionaries/index.js';
import { trieFrom } from '../../dictionaries/phrase-trie.js';
import type { Token } from '../02-segment/segment.js';

/** A dictionary hit: the token range it covers and what it may be. */
export interface AtomHit {
  first: number;
  last: number;
  atom: Atom;
}

const PRIORITY: Record<Atom['kind'], number> = {
  person: 0,
  org: 1,
  seat: 2,
  country: 3,
  adjective: 4,
  role: 5,
  region: 6,
};

/** Names must be written with a capital; role words need not. */
function needsCapital(atom: Atom): boolean {
  return atom.kind !== 'role';
}

/** Name particles written in lower case: "al-Qaeda", "bin Laden", "von der Leyen". */
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'de',
  'van',
  'von',
  'der',
  'la',
  'le',
  'di',
  'da',
  'du',
  'del',
  'ad',
  'as',
  '-',
]);

/** A name is capitalised at its first word that is not a particle. */
function capitalised(
  tokens: readonly Token[],
  keys: readonly string[],
  first: number,
  last: number,
): boolean {
  for (let i = first; i < last; i++) {
    if ((tokens[i] as Token).cap) return true;
    if (!PARTICLES.has(keys[i] as string)) return false;
  }
  return false;
}

/** Acronyms ("UN") match only in capitals, not "Un" in "Kim Jong Un". */
function isUpper(tokens: readonly Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) {
    const t = (tokens[i] as Token).text;
    if (t !== t.toUpperCase()) return false;
  }
  return true;
}

/**
 * Finds the dictionary phrases in a sentence's tokens, longest first, left to right.
 * @example findAtoms(tokens, keys, 0, tokens.length)
 */
export function findAtoms(
  tokens: readonly Token[],
  keys: readonly string[],
  first: number,
  last: number,
): AtomHit[] {
  const hits: AtomHit[] = [];
  let i = first;
  while (i < last) {
    const tok = tokens[i] as Token;
    // Most tokens start no phrase: the lexicon entry set once per token decides, and gives the
    // trie node to go on from. A word in lower case can start only a role ("protesters") or a
    // name with a particle ("al-Qaeda").
    const start =
      tok.lex & LEX.actor && (tok.cap || tok.lex & LEX.role || PARTICLES.has(keys[i] as string))
        ? tok.entry?.actor
        : undefined;
    const m = start ? trieFrom(start, keys, i, last) : undefined;
    if (!m) {
      i++;
      continue;
    }
    const best = bestAtom(tokens, keys, i, i + m.length, m.values);
    if (!best) {
      i++;
      continue;
    }
    // A region is no actor; matching it keeps "America" in "Latin America" from being one.
    if (best.kind !== 'region') hits.push({ first: i, last: i + m.length, atom: best });
    i += m.length;
  }
  return hits;
}

/** The atom of highest priority that the phrase's capitals allow, or null. */
function bestAtom(
  tokens: readonly Token[],
  keys: readonly string[],
  first: number,
  last: number,
  values: readonly Atom[],
): Atom | null {
  const cap = capitalised(tokens, keys, first, last);
  let upper: boolean | null = null;
  let best: Atom | null = null;
  for (const a of values) {
    if (!cap && needsCapital(a)) continue;
    if (a.kind === 'org' && a.acronym && !(upper ??= isUpper(tokens, first, last))) continue;
    if (!best || PRIORITY[a.kind] < PRIORITY[best.kind]) best = a;
  }
  return best;
}
