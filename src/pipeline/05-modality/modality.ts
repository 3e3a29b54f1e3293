import { LEX, type Dictionaries } from '../../dictionaries/index.js';
import { trieLongest } from '../../dictionaries/phrase-trie.js';
import type { ControlEffect } from '../../dictionaries/schemas.js';
import type { Modality } from '../../record.js';
import type { Token } from '../02-segment/segment.js';
import type { Candidate } from '../04-events/events.js';

export interface ModalityContext {
  tokens: readonly Token[];
  keys: readonly string[];
  dict: Dictionaries;
  /** Per sentence: it has a conditional ("if") and a future time phrase ("next week"). */
  conditional: boolean;
  future: boolean;
}

/**
 * Sentence-wide cues, found once per sentence rather than once per event. `lex`, the LEX bits
 * of the sentence's tokens together, spares the search for cues none of whose words it holds.
 */
export function sentenceCues(
  ctx: Pick<ModalityContext, 'keys' | 'dict' | 'tokens'>,
  first: number,
  last: number,
  lex = LEX.conditional | LEX.future,
): { conditional: boolean; future: boolean } {
  return {
    conditional:
      (lex & LEX.conditional) !== 0 &&
      anyPhrase(ctx, ctx.dict.conditional, LEX.conditional, first, last) >= 0,
    future:
      (lex & LEX.future) !== 0 && anyPhrase(ctx, ctx.dict.future, LEX.future, first, last) >= 0,
  };
}

const SPEECH_ROOTS = new Set(['01', '02', '09', '10', '11', '12', '13']);
const WARN = new Set(['warned', 'warns', 'threatened', 'threatens', 'vowed', 'vows']);
const WILL = new Set(['would', 'will', "'d", "'ll"]);

/** "warned it would retaliate", "vowed that they will strike back": a threat of the act. */
function threatBefore(
  ctx: ModalityContext,
  anchor: number,
  first: number,
): { at: number; effect: ControlEffect } | null {
  let i = anchor - 1;
  while (i >= first && (ctx.tokens[i]?.pos === 'ADV' || ctx.keys[i] === 'not')) i--;
  if (!WILL.has(ctx.keys[i] ?? '')) return null;
  for (let j = i - 1; j >= Math.max(first, i - 4); j--) {
    const k = ctx.keys[j] ?? '';
    if (WARN.has(k)) return { at: j, effect: k.startsWith('vow') ? 'intent' : 'threat' };
  }
  return null;
}

const ALLEGATION = new Set([
  'allegation',
  'allegations',
  'accusation',
  'accusations',
  'claim',
  'claims',
  'charge',
  'charges',
  'rumours',
  'rumors',
  'suspicion',
  'suspicions',
]);

const RANK: Record<Modality, number> = { asserted: 0, planned: 1, possible: 2, negated: 3 };
const WINDOW_POS = new Set(['AUX', 'PART', 'ADV', 'VERB']);
const NP_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PART']);
const QUOTES = new Set(['"', "'", '`', '``', "''"]);

function stronger(a: Modality, b: Modality): Modality {
  return RANK[b] > RANK[a] ? b : a;
}

/** A control cue ending just before `end` (exclusive): "agreed", "ready", "call on". */
function cueBefore(
  ctx: ModalityContext,
  end: number,
  first: number,
): { at: number; effect: ControlEffect } | null {
  // Two words, then one.
  for (let len = 2; len >= 1; len--) {
    const at = end - len;
    if (at < first || !((ctx.tokens[at] as Token).lex & LEX.cue)) continue;
    const hit = trieLongest(ctx.dict.complement, ctx.keys, at, end);
    const value = hit?.length === len ? hit.values[0] : undefined;
    if (value) return { at, effect: value.effect };
  }
  return null;
}

/** Modal and negation words in the few auxiliaries before `anchor`. */
function modalBefore(
  ctx: ModalityContext,
  anchor: number,
  first: number,
  evidence: string[],
): Modality {
  let out: Modality = 'asserted';
  for (let i = anchor - 1; i >= Math.max(first, anchor - 5); i--) {
    const tok = ctx.tokens[i] as Token;
    const hit =
      tok.lex & LEX.modal ? trieLongest(ctx.dict.modalBefore, ctx.keys, i, anchor) : undefined;
    if (hit?.values[0]) {
      out = stronger(out, hit.values[0]);
      evidence.push(`modality:${ctx.keys.slice(i, i + hit.length).join('-')}`);
    }
    if (!WINDOW_POS.has(tok.pos) && ctx.keys[i] !== 'to') break;
  }
  return out;
}

function nounAdjectives(
  ctx: ModalityContext,
  at: number,
  first: number,
  evidence: string[],
): Modality {
  let out: Modality = 'asserted';
  for (let i = at - 1; i >= Math.max(first, at - 4); i--) {
    const m = ctx.dict.modalAdjectives.get(ctx.keys[i] ?? '');
    if (m) {
      out = stronger(out, m);
      evidence.push(`modality:${ctx.keys[i] ?? ''}`);
    }
    // Quotation marks around a word ("a "possible" meeting") do not end the phrase.
    if (!NP_POS.has(ctx.tokens[i]?.pos ?? '') && !QUOTES.has(ctx.keys[i] ?? '')) break;
  }
  return out;
}

/** The verb a noun phrase is the object of: "could trigger new discussions" → "trigger". */
function governingVerb(ctx: ModalityContext, at: number, first: number): number | null {
  for (let i = at - 1; i >= Math.max(first, at - 6); i--) {
    const pos = ctx.tokens[i]?.pos ?? '';
    if (pos === 'VERB') return i;
    if (!NP_POS.has(pos) && !QUOTES.has(ctx.keys[i] ?? '')) return null;
  }
  return null;
}

function isPast(ctx: ModalityContext, c: Candidate): boolean {
  const t = c.trigger;
  if (t.tenses)
    return (t.tenses.has('past') || t.tenses.has('participle')) && !t.tenses.has('base');
  if (t.light !== null)
    return ctx.dict.pastForms.has(ctx.keys[t.light] ?? '') || /ed$/.test(ctx.keys[t.light] ?? '');
  return false;
}

function anyPhrase(
  ctx: Pick<ModalityContext, 'keys' | 'tokens'>,
  trie: Dictionaries['future'],
  bit: number,
  from: number,
  to: number,
): number {
  for (let i = from; i < to; i++)
    if ((ctx.tokens[i] as Token).lex & bit && trieLongest(trie, ctx.keys, i, to)) return i;
  return -1;
}

/**
 * Stage 5: whether the act took place, and the intent, threat, rejection or demand that a
 * governing verb makes of it ("agreed to meet" is 036, asserted).
 * @example applyModality(ctx, candidate) // { code: '036', modality: 'asserted', evidence: [...], cue }
 */
export function applyModality(
  ctx: ModalityContext,
  c: Candidate,
): {
  code: string;
  modality: Modality;
  evidence: string[];
  cue: { at: number; effect: ControlEffect } | null;
  drop: boolean;
} {
  const evidence: string[] = [];
  const { first, last } = c.sentence;
  const t = c.trigger;
  const anchor = t.light ?? t.first;
  let code = c.code;
  let modality: Modality = 'asserted';
  let scopeStart = anchor;
  // "agreed to meet", "agreed to gradually resume", "denied holding talks", "accused of attacking"
  let before = anchor - 1;
  while (before > first && ctx.tokens[before]?.pos === 'ADV') before--;
  const toAt =
    ctx.keys[before] === 'to'
      ? before
      : ctx.keys[before] === 'of' && t.tenses?.has('ing')
        ? before
        : t.tenses?.has('ing')
          ? anchor
          : -1;
  // "rejected talks", "proposed a meeting": the verb carrying an act can be a cue itself,
  // but not for speech acts ("offered condolences" is the condolence).
  const act = !SPEECH_ROOTS.has(code.slice(0, 2));
  const cue =
    toAt >= 0
      ? cueBefore(ctx, toAt, first)
      : t.light !== null && act
        ? (cueBefore(ctx, t.light + 2, t.light) ?? cueBefore(ctx, t.light + 1, t.light))
        : threatBefore(ctx, anchor, first);
  if (cue) {
    evidence.push(`control:${ctx.keys[cue.at] ?? ''}:${cue.effect}`);
    scopeStart = cue.at;
    const codes = ctx.dict.controlCodes[cue.effect];
    if (cue.effect === 'alleged') return { code, modality, evidence, cue, drop: true };
    if (codes) code = codes[code] ?? codes[code.slice(0, 2)] ?? codes['default'] ?? code;
    else if (cue.effect !== 'asserted') modality = cue.effect as Modality;
  }
  modality = stronger(modality, modalBefore(ctx, scopeStart, first, evidence));
  if (t.kind === 'noun') {
    modality = stronger(modality, nounAdjectives(ctx, t.first, first, evidence));
    const verb = t.light === null ? governingVerb(ctx, t.first, first) : null;
    if (verb !== null) modality = stronger(modality, modalBefore(ctx, verb, first, evidence));
  }
  // "if the situation requires it", "unless", "in the event of"
  if (modality !== 'negated' && ctx.conditional) {
    modality = stronger(modality, 'possible');
    evidence.push('modality:conditional');
  }
  if (modality === 'asserted' && !isPast(ctx, c) && ctx.future) {
    modality = 'planned';
    evidence.push('modality:future-time');
  }
  if (
    c.sentence.lex & LEX.denied &&
    anyPhrase(ctx, ctx.dict.deniedAfter, LEX.denied, t.last, Math.min(last, t.last + 10)) >= 0
  ) {
    modality = 'negated';
    evidence.push('modality:denied-after');
  }
  // "X denied that ...", "denied reports that ..." govern the whole report; "Y's accusation that ..." is alleged.
  for (let i = first; i < anchor; i++) {
    const k = ctx.keys[i] ?? '';
    if (ALLEGATION.has(k) && ctx.keys[i + 1] === 'that')
      return { code, modality, evidence: [...evidence, 'modality:alleged'], cue, drop: true };
    if (
      (k === 'denied' || k === 'denies' || k === 'deny') &&
      (ctx.keys.slice(i + 1, i + 4).includes('that') || i + 1 === anchor)
    ) {
      modality = 'negated';
      evidence.push('modality:denied');
    }
  }
  return { code, modality, evidence, cue, drop: false };
}

/**
 * "The UN urged Israel to allow aid": the appeal takes its code from the act asked for, and
 * the act itself, not having happened, is dropped.
 */
export function refineAppeals(ctx: ModalityContext, candidates: Candidate[]): Candidate[] {
  let dropped: Set<Candidate> | null = null;
  for (const c of candidates) {
    const head = c.trigger.first;
    // Only a target and a word that starts some cue are worth a walk through the cues.
    if (!c.target || !((ctx.tokens[head] as Token).lex & LEX.cue)) continue;
    const hit = trieLongest(ctx.dict.complement, ctx.keys, head, c.trigger.last);
    const effect = hit?.values[0]?.effect;
    if (effect !== 'appeal' && effect !== 'demand') continue;
    const end = Math.max(
      ...candidates
        .filter((x) => x.trigger === c.trigger)
        .map((x) => (x.target?.last ?? 0) + (x.target?.possessive ? 1 : 0)),
    );
    const inner = candidates.find(
      (x) =>
        x !== c &&
        x.trigger !== c.trigger &&
        x.trigger.first >= end &&
        (x.trigger.light ?? x.trigger.first) - end <= 3,
    );
    if (!inner) continue;
    const codes = ctx.dict.controlCodes[effect];
    c.code = codes?.[inner.code.slice(0, 2)] ?? codes?.['default'] ?? c.code;
    c.evidence.push(`control:${ctx.keys[head] ?? ''}:${effect}`);
    dropped ??= new Set();
    for (const x of candidates) if (x.trigger === inner.trigger) dropped.add(x);
  }
  const gone = dropped;
  return gone?.size ? candidates.filter((c) => !gone.has(c)) : candidates;
}
