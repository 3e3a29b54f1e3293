import { isSpeechVerb, LEX, type Dictionaries } from '../../dictionaries/index.js';
import type { EventPattern } from '../../dictionaries/schemas.js';
import type { Modality } from '../../record.js';
import type { Sentence, Token } from '../02-segment/segment.js';
import { makeMention, type Mention } from '../03-actors/mention.js';
import { coveringAt, findArguments, subjectBefore, type ArgumentContext } from './arguments.js';
import type { Trigger } from './triggers.js';

/** An event before dating, placing and scoring. */
export interface Candidate {
  sentence: Sentence;
  trigger: Trigger;
  source: Mention;
  target: Mention | null;
  code: string;
  modality: Modality;
  speaker: Mention | null;
  frame: string;
  evidence: string[];
}

/** Why a trigger gave no event: what `explain` shows. */
export interface Rejection {
  sentence: number;
  trigger: Trigger;
  reason: string;
}

export interface EventsResult {
  candidates: Candidate[];
  rejections: Rejection[];
}

/** Sectors of the state: their acts take a pattern's state code. */
const STATE_ROLES = new Set<string>(['GOV', 'MIL', 'COP', 'SPY']);

function sameActor(a: Mention, b: Mention): boolean {
  if (a.person && b.person) return a.person.id === b.person.id;
  return a.code === b.code;
}

/**
 * An act with no named target is kept only when its subject stands right before it: not a
 * purpose ("staged protests to demand reforms") nor a verb far from its subject.
 */
function standsAlone(ctx: ArgumentContext, t: Trigger, sources: readonly Mention[]): boolean {
  if (sources.length === 0 || ctx.keys[t.first - 1] === 'to') return false;
  let last = -Infinity;
  for (const s of sources) if (s.last > last) last = s.last;
  for (let i = last; i < t.first; i++) if (ctx.tokens[i]?.pos === 'VERB') return false;
  return true;
}

/** `m` with the country of `other`, or null when `other` has none to give. */
function fix(m: Mention, other: Mention): Mention | null {
  if (!other.country || other.unanchored) return null;
  // A copy changed in place: spreading a mention into a literal is slow.
  const out = makeMention(m);
  out.country = other.country;
  out.unanchored = false;
  out.code = other.country + (m.role ?? '');
  out.evidence = [...m.evidence, 'actor:country-of-other-party'];
  return out;
}

/** "Police detained protesters": a sector without a country takes the other party's. */
function anchor(s: Mention, g: Mention | null): [Mention, Mention | null] | null {
  if (s.unanchored) {
    if (!g) return null;
    const fixed = fix(s, g);
    return fixed ? [fixed, g] : null;
  }
  if (g?.unanchored) {
    const fixed = fix(g, s);
    return fixed ? [s, fixed] : null;
  }
  return [s, g];
}

/** Keeps a pair of parties, anchored, unless they are one actor. */
function keepPair(kept: [Mention, Mention | null][], s: Mention, g: Mention | null): void {
  const p = anchor(s, g);
  if (p !== null && (!p[1] || !sameActor(p[0], p[1]))) kept.push(p);
}

function scoreLike(tokens: readonly Token[], s: Sentence): boolean {
  for (let i = s.first; i < s.last; i++) {
    const text = (tokens[i] as Token).text;
    // Only a token that starts with a digit can be a score; the test is cheaper than the pattern.
    const c = text.charCodeAt(0);
    if (c >= 48 && c <= 57 && /^\d{1,2}-\d{1,2}$/.test(text)) return true;
  }
  return false;
}

/** Where "must" stands in the sentence, or -1. */
function mustIn(keys: readonly string[], s: Sentence): number {
  for (let i = s.first; i < s.last; i++) if (keys[i] === 'must') return i;
  return -1;
}

/** The first mention (in order) that starts between tokens `from` and `to`, both included. */
function firstStartingIn(ctx: ArgumentContext, from: number, to: number): Mention | null {
  for (const m of ctx.mentions) if (m.first >= from && m.first <= to) return m;
  return null;
}

/** Who reports the event: the subject of a verb of saying before it, or "..., X said" after it. */
function findSpeaker(ctx: ArgumentContext, t: Trigger): Mention | null {
  for (let i = t.first - 1; i >= ctx.first; i--) {
    const k = ctx.keys[i] ?? '';
    if (isSpeechVerb(ctx.tokens[i]) || k === 'according') {
      if (k === 'according') return firstStartingIn(ctx, i + 1, i + 3);
      return subjectBefore(ctx, i)[0] ?? null;
    }
  }
  for (let i = t.last; i < ctx.last; i++) {
    const k = ctx.keys[i] ?? '';
    if (k !== ',' && !isSpeechVerb(ctx.tokens[i])) continue;
    if (k === ',') {
      const next = ctx.keys[i + 1] ?? '';
      if (next === 'according') return firstStartingIn(ctx, i + 2, i + 4);
      continue;
    }
    for (const m of ctx.mentions) if (m.last === i || m.last === i - 1) return m;
    return firstStartingIn(ctx, i + 1, i + 2);
  }
  return null;
}

const MUST: EventPattern = {
  code: '100',
  symmetric: false,
  forms: [],
  except: [],
  target: ['object'],
};

/**
 * "Russia said Sudan must return the helicopter": the speaker demands it of the subject; the
 * act named after "must" refines the demand's code.
 */
function mustDemands(
  ctx: ArgumentContext,
  sentence: Sentence,
  triggers: readonly Trigger[],
): Candidate[] {
  const out: Candidate[] = [];
  for (let i = ctx.first + 1; i < ctx.last; i++) {
    if (ctx.keys[i] !== 'must') continue;
    const subject = coveringAt(ctx, i - 1);
    if (!subject) continue;
    let speech = -1;
    for (let j = subject.first - 1; j >= ctx.first && speech < 0; j--)
      if (isSpeechVerb(ctx.tokens[j])) speech = j;
    const speakers = speech >= 0 ? subjectBefore(ctx, speech) : [];
    if (speakers.length === 0) continue;
    const inner = triggers.find((t) => t.first > i && t.first - i <= 4);
    const codes = ctx.dict.controlCodes['demand'];
    const code = inner ? (codes?.[inner.pattern.code.slice(0, 2)] ?? '100') : '100';
    const trigger: Trigger = {
      kind: 'verb',
      first: i,
      last: i + 1,
      pattern: { ...MUST, code },
      id: 'rule:must',
      tenses: null,
      object: null,
      light: null,
      passive: false,
    };
    const targets = ctx.mentions.filter((m) => m.group === subject.group);
    for (const s of speakers)
      for (const g of targets)
        if (!sameActor(s, g))
          out.push({
            sentence,
            trigger,
            source: s,
            target: g,
            code,
            modality: 'asserted',
            speaker: null,
            frame: 'rule:must',
            evidence: ['rule:must', 'frame:speaker-demands'],
          });
  }
  return out;
}

/** Notes why a trigger gave no event (a plain function: a closure would cost every call). */
function reject(rejections: Rejection[], sentence: Sentence, t: Trigger, reason: string): void {
  rejections.push({ sentence: sentence.index, trigger: t, reason });
}

/**
 * Stage 4: events of one sentence: each trigger (found by `findTriggers`) with its parties,
 * one candidate per pair.
 * @example findEvents(doc.tokens, keys, sentence, mentions, triggers, dict).candidates
 */
export function findEvents(
  tokens: readonly Token[],
  keys: readonly string[],
  sentence: Sentence,
  mentions: readonly Mention[],
  found: readonly Trigger[],
  dict: Dictionaries,
  explain = false,
): EventsResult {
  const candidates: Candidate[] = [];
  const rejections: Rejection[] = [];
  if (mentions.length === 0) return { candidates, rejections };
  const mustAt = mustIn(keys, sentence);
  if (found.length === 0 && mustAt < 0) return { candidates, rejections };
  const ctx: ArgumentContext = {
    tokens,
    keys,
    dict,
    first: sentence.first,
    last: sentence.last,
    mentions,
  };
  let veto: string | null = scoreLike(tokens, sentence) ? 'a score' : null;
  // Words inside actor names ("Arab League") are not sport.
  if (sentence.lex & LEX.veto)
    for (let i = sentence.first; i < sentence.last && !veto; i++)
      if ((tokens[i] as Token).lex & LEX.veto && !mentions.some((m) => m.first <= i && i < m.last))
        veto = `"${tokens[i]?.text ?? ''}"`;
  let triggers = found;
  if (mustAt >= 0) {
    const demands = mustDemands(ctx, sentence, found);
    candidates.push(...demands);
    // What "must" be done is demanded, not done: those acts are not coded on their own.
    const demanded = demands.map((d) => d.trigger.first);
    if (demanded.length)
      triggers = found.filter((t) => !demanded.some((m) => t.first > m && t.first - m <= 4));
  }
  for (const t of triggers) {
    if (veto && dict.vetoRoots.has(t.pattern.code.slice(0, 2))) {
      if (explain) reject(rejections, sentence, t, `sport, market or weather sentence (${veto})`);
      continue;
    }
    const args = findArguments(ctx, t);
    // "Iran threatened ...": some acts stand without a named target; meetings and aid do not.
    const noTarget =
      (t.pattern.target?.includes('none') ?? false) ||
      ((t.kind === 'verb' || (t.light !== null && t.pattern.code.startsWith('14'))) &&
        dict.openTarget.has(t.pattern.code.slice(0, 2)));
    if (args.sources.length === 0) {
      if (explain) reject(rejections, sentence, t, `no actor found for the source (${args.frame})`);
      continue;
    }
    const kept: [Mention, Mention | null][] = [];
    if (args.pairwise) {
      const parties = args.sources;
      for (let a = 0; a < parties.length; a++)
        for (let b = a + 1; b < parties.length; b++)
          keepPair(kept, parties[a] as Mention, parties[b] as Mention);
    } else if (args.targets.length > 0) {
      for (const s of args.sources) for (const g of args.targets) keepPair(kept, s, g);
    } else if (
      noTarget &&
      (t.pattern.target?.includes('none') || standsAlone(ctx, t, args.sources))
    ) {
      for (const s of args.sources) keepPair(kept, s, null);
    }
    if (kept.length === 0) {
      if (explain)
        reject(
          rejections,
          sentence,
          t,
          args.targets.length === 0
            ? `no actor found for the target (${args.frame})`
            : 'source and target are the same actor',
        );
      continue;
    }
    const speaker = findSpeaker(ctx, t);
    // "visited Ankara": a capital as a destination is the country, not its government.
    if (t.pattern.code.startsWith('042'))
      for (const pair of kept)
        if (pair[1]?.seat)
          pair[1] = makeMention({ ...pair[1], role: null, code: pair[1].country ?? pair[1].code });
    for (const [source, target] of kept) {
      const state = !source.org && (source.role === null || STATE_ROLES.has(source.role));
      const code =
        args.code ?? (state && t.pattern.stateCode ? t.pattern.stateCode : t.pattern.code);
      candidates.push({
        sentence,
        trigger: t,
        source,
        target,
        code,
        modality: 'asserted',
        speaker: speaker && !sameActor(speaker, source) ? speaker : null,
        frame: args.frame,
        evidence: [t.id, `frame:${args.frame}`],
      });
    }
  }
  return { candidates, rejections };
}
