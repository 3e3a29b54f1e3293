import { isSpeechVerb, type Dictionaries } from '../../dictionaries/index.js';
import type { Token } from '../02-segment/segment.js';
import type { Mention } from '../03-actors/mention.js';
import type { Trigger } from './triggers.js';

/** Words that end the clause a verb's subject or object can come from. */
const HARD = new Set([
  ';',
  ':',
  'which',
  'who',
  'whom',
  'whose',
  'because',
  'while',
  'although',
  'though',
  'whereas',
  'but',
  'after',
  'before',
  'when',
  'since',
  'until',
  'if',
  'unless',
  'so',
  '"',
]);
const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'where']);
/** Words between an owner and its noun: "Lavrov's two-day visit". */
const OWNER_SKIP = new Set(['ADJ', 'NUM', 'DET', 'NOUN']);
const DEFAULT_NOUN_TARGET = ['with', 'to', 'on', 'against', 'between'];
const BETWEEN = ['between'];
const OF = ['of'];
const BY = ['by'];
/** Prepositions after which a mention is not a verb's subject. */
const OBLIQUE = new Set([
  'in',
  'at',
  'near',
  'outside',
  'inside',
  'of',
  'from',
  'for',
  'to',
  'with',
  'on',
  'into',
  'about',
  'over',
  'under',
  'between',
  'among',
  'against',
  'by',
  'toward',
  'towards',
  'via',
  'than',
  'like',
  'across',
  'around',
  'through',
  'amid',
  'despite',
  'within',
  'without',
  'behind',
  'beyond',
  'upon',
  'during',
]);

export interface ArgumentContext {
  tokens: readonly Token[];
  keys: readonly string[];
  dict: Dictionaries;
  /** Sentence token range. */
  first: number;
  last: number;
  mentions: readonly Mention[];
}

// A sentence names a handful of actors: looking through them is cheaper than indexing them.

/** No parties: one list, never changed, rather than a new empty one at every miss. */
const NONE: readonly Mention[] = [];

/** The members of `group` that end by token `end`. */
function groupUpTo(ctx: ArgumentContext, group: number, end: number): Mention[] {
  const out: Mention[] = [];
  for (const x of ctx.mentions) if (x.group === group && x.last <= end) out.push(x);
  return out;
}

/** The members of `group` that start at token `from` or later. */
function groupFrom(ctx: ArgumentContext, group: number, from: number): Mention[] {
  const out: Mention[] = [];
  for (const x of ctx.mentions) if (x.group === group && x.first >= from) out.push(x);
  return out;
}

/** The first mention starting at token i. */
function startingAt(ctx: ArgumentContext, i: number): Mention | undefined {
  for (const m of ctx.mentions) if (m.first === i) return m;
  return undefined;
}

/** Whether some mention ends just before token i. */
function endingAt(ctx: ArgumentContext, i: number): boolean {
  for (const m of ctx.mentions) if (m.last === i) return true;
  return false;
}

/** The rightmost mention covering token i (a possessive "'s" belongs to its mention). */
export function coveringAt(ctx: ArgumentContext, i: number): Mention | undefined {
  let best: Mention | undefined;
  for (const m of ctx.mentions)
    if (m.first <= i && i < m.last + (m.possessive ? 1 : 0) && (!best || m.first > best.first))
      best = m;
  return best;
}

/** The parties of one trigger: who acts, upon whom, and how they were found. */
export interface Arguments {
  sources: readonly Mention[];
  targets: readonly Mention[];
  /** Parties named together that each pair up ("talks between A, B and C"). */
  pairwise: boolean;
  frame: string;
  /** A code the frame itself sets ("hosted a meeting between A and B" is a hosting). */
  code?: string;
}

function isBoundary(ctx: ArgumentContext, i: number): boolean {
  const k = ctx.keys[i] ?? '';
  if (HARD.has(k)) return true;
  // Verbs of saying split reported speech from its speaker ("X said Y struck Z").
  return isSpeechVerb(ctx.tokens[i]);
}

/** A comma-delimited relative clause to the left ("Russia, which backs Assad, sent ..."). */
function skipRelative(ctx: ArgumentContext, comma: number): number {
  for (let i = comma - 1; i > ctx.first; i--) {
    if (ctx.keys[i] === ',') return RELATIVE.has(ctx.keys[i + 1] ?? '') ? i : -1;
  }
  return -1;
}

/** The subject group: the nearest actor to the left of `anchor` within the clause. */
export function subjectBefore(ctx: ArgumentContext, anchor: number): readonly Mention[] {
  let i = anchor - 1;
  while (i >= ctx.first) {
    const k = ctx.keys[i] ?? '';
    if (k === ',') {
      // Commas end the clause unless they close a relative clause ("Russia, which ..., sent").
      const jump = skipRelative(ctx, i);
      if (jump < 0) return NONE;
      i = jump - 1;
      continue;
    } else if (isBoundary(ctx, i) || k === 'that') return NONE;
    const m = coveringAt(ctx, i);
    if (m) {
      // "Sudan's Darfur region" owns a noun; only "Russia's readiness to help" makes it a subject.
      const owner = m.possessive && ctx.keys[m.last + 2] !== 'to' && m.last + 1 < anchor;
      if (!owner && (m.possessive || m.prep === null || !OBLIQUE.has(m.prep)))
        return groupUpTo(ctx, m.group, anchor);
      i = m.first - 1;
      continue;
    }
    i--;
  }
  return NONE;
}

/** "positions of the Palestinian security forces": an actor with a country follows "of". */
function ownedByNext(ctx: ArgumentContext, m: Mention): boolean {
  if (ctx.keys[m.last] !== 'of') return false;
  const at = ctx.keys[m.last + 1] === 'the' ? m.last + 2 : m.last + 1;
  const next = startingAt(ctx, at);
  return next !== undefined && !next.unanchored;
}

/** The object or prepositional group after `from` that the pattern's target spec accepts. */
export function objectAfter(
  ctx: ArgumentContext,
  from: number,
  spec: readonly string[],
  limit = 12,
): readonly Mention[] {
  const allowObject = spec.includes('object');
  const allowThat = spec.includes('that');
  let sawThat = false;
  for (let i = from; i < Math.min(ctx.last, from + limit); i++) {
    const k = ctx.keys[i] ?? '';
    if (k === 'that' && allowThat) {
      sawThat = true;
      continue;
    }
    if ((isBoundary(ctx, i) || k === ',') && !(k === 'that' && allowThat)) return NONE;
    // An infinitive starts another predicate: "met in Moscow to discuss ...".
    if (i > from && !sawThat && ctx.tokens[i]?.pos === 'VERB' && ctx.keys[i - 1] === 'to')
      return NONE;
    const m = startingAt(ctx, i);
    if (!m) continue;
    // "its border": a possessive pronoun owns the object; "positions of the Palestinian
    // forces": a sector without a country names whose they are after "of".
    if ((m.anaphor && m.possessive) || (m.unanchored && ownedByNext(ctx, m))) {
      i = m.last - 1;
      continue;
    }
    // A preposition before the trigger's end is its particle ("called on Israel").
    const prep = m.prepAt >= from ? m.prep : null;
    if (sawThat || (prep === null && allowObject) || (prep !== null && spec.includes(prep)))
      return groupFrom(ctx, m.group, from);
    i = m.last - 1;
  }
  return NONE;
}

/** A target spec without "between" and "object", made once per spec: specs are dictionary data. */
const prepositionSpecs = new WeakMap<readonly string[], readonly string[]>();

function prepositionsOf(spec: readonly string[]): readonly string[] {
  let out = prepositionSpecs.get(spec);
  if (out === undefined) {
    out = spec.filter((s) => s !== 'between' && s !== 'object');
    prepositionSpecs.set(spec, out);
  }
  return out;
}

function nounArguments(ctx: ArgumentContext, t: Trigger, spec: readonly string[]): Arguments {
  const symmetric = t.pattern.symmetric;
  // "talks between A and B", "a meeting of the ministers of A, B and C"
  const between = objectAfter(ctx, t.last, BETWEEN, 8);
  const of = ctx.keys[t.last] === 'of' ? objectAfter(ctx, t.last, OF, 6) : NONE;
  // "Putin and Assad's meeting", "a Putin call", "Russia-Ukraine talks"
  let owner = NONE;
  let j = t.first - 1;
  const limit = t.first - 5;
  while (
    j >= ctx.first &&
    j > limit &&
    (OWNER_SKIP.has(ctx.tokens[j]?.pos ?? '') || ctx.keys[j] === '-') &&
    !endingAt(ctx, j + 1)
  )
    j--;
  const near = coveringAt(ctx, j);
  if (near && (near.possessive || near.last === j + 1) && near.prep !== 'of')
    owner = groupUpTo(ctx, near.group, t.first);
  const targets = objectAfter(ctx, t.last, prepositionsOf(spec), 10);
  // "hosted a meeting between A and B": the host hosts both parties.
  if (t.light !== null && ctx.keys[t.light]?.startsWith('host') && between.length > 0) {
    const hosts = subjectBefore(ctx, t.light);
    if (hosts.length > 0)
      return {
        sources: hosts,
        targets: between,
        pairwise: false,
        frame: 'noun:host-between',
        code: '043',
      };
  }
  // "a meeting between A and B": the parties are A and B.
  if (symmetric && between.length >= 2 && owner.length === 0)
    return { sources: between, targets: NONE, pairwise: true, frame: 'noun:between' };
  if (owner.length > 0)
    return {
      sources: owner,
      targets,
      pairwise: symmetric && targets.length === 0,
      frame: 'noun:owner',
    };
  if (t.light !== null) {
    const sources = subjectBefore(ctx, t.light);
    if (sources.length > 0)
      return {
        sources,
        targets: targets.length ? targets : between,
        pairwise: symmetric && targets.length === 0 && between.length === 0,
        frame: 'noun:light-verb',
      };
  }
  if (symmetric && between.length >= 2)
    return { sources: between, targets: NONE, pairwise: true, frame: 'noun:between' };
  if (symmetric && of.length >= 2)
    return { sources: of, targets: NONE, pairwise: true, frame: 'noun:of' };
  return { sources: NONE, targets, pairwise: false, frame: 'noun:none' };
}

/**
 * Stage 4b: who acts and upon whom, from the words around the trigger: subject and object,
 * the agent of a passive, the owner of a noun, or the parties "between" which it happened.
 * @example findArguments(ctx, trigger).sources[0]?.code // 'RUSGOV'
 */
export function findArguments(ctx: ArgumentContext, t: Trigger): Arguments {
  const spec = t.pattern.target ?? (t.kind === 'noun' ? DEFAULT_NOUN_TARGET : ['object']);
  if (t.kind === 'noun') return nounArguments(ctx, t, spec);
  const after = t.object !== null ? Math.max(t.last, t.object + 1) : t.last;
  if (t.passive) {
    const agents = objectAfter(ctx, t.last, BY, 8);
    const patients = subjectBefore(ctx, t.first);
    return { sources: agents, targets: patients, pairwise: false, frame: 'verb:passive' };
  }
  const sources = subjectBefore(ctx, t.first);
  // The target may stand before a required object too: "expelled Russian diplomats".
  const targets = objectAfter(ctx, t.object !== null ? t.last : after, spec);
  if (t.pattern.symmetric && targets.length === 0 && sources.length >= 2)
    return { sources, targets, pairwise: true, frame: 'verb:joint-subject' };
  return { sources, targets, pairwise: false, frame: 'verb:subject-object' };
}
