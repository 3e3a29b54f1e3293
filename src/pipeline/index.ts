import { LEX, type Dictionaries } from '../dictionaries/index.js';
import type { EventDate, EventRecord, Issue, Location } from '../record.js';
import { normalize, type NormalizedText } from './01-normalize/normalize.js';
import { segment, type Segmented, type Sentence } from './02-segment/segment.js';
import { findActors } from './03-actors/actors.js';
import type { Mention } from './03-actors/mention.js';
import { findEvents, type Candidate, type Rejection } from './04-events/events.js';
import { findTriggers, type Trigger } from './04-events/triggers.js';
import {
  applyModality,
  refineAppeals,
  sentenceCues,
  type ModalityContext,
} from './05-modality/modality.js';
import { sameClause, tokenAt } from './06-dates/clause.js';
import { findDates, toEventDate, type DateExpression } from './06-dates/dates.js';
import { findPlaces, placeFor, type PlaceMention } from './07-places/places.js';
import { confidence, recordId, score, toActor } from './08-score/score.js';

/** What the pipeline needs of an article. */
export interface PipelineArticle {
  id: string;
  text: string;
  published?: string | null | undefined;
}

/** Everything the stages saw, for `explain`. */
export interface Trace {
  doc: Segmented;
  text: string;
  mentions: Mention[][];
  candidates: Candidate[];
  rejections: Rejection[];
}

export interface ArticleResult {
  records: EventRecord[];
  issues: Issue[];
  trace?: Trace;
}

export interface PipelineOptions {
  /** Keep what each stage found (slower; for explaining a sentence). */
  trace?: boolean;
}

const PERFECT = new Set(['has', 'have', 'had']);

function chooseDate(
  c: Candidate,
  exprs: readonly DateExpression[],
  doc: Segmented,
  keys: readonly string[],
): DateExpression | null {
  const anchor = c.trigger.first;
  const perfect = PERFECT.has(keys[anchor - 1] ?? '') || PERFECT.has(keys[anchor - 2] ?? '');
  let best: DateExpression | null = null;
  let bestDistance = Infinity;
  for (const e of exprs) {
    if (e.since && !perfect) continue;
    const at = tokenAt(doc.tokens, c.sentence.first, c.sentence.last, e.start);
    if (!sameClause(doc.tokens, keys, at, anchor)) continue;
    const d = Math.abs(at - anchor);
    if (d < bestDistance) {
      best = e;
      bestDistance = d;
    }
  }
  return best;
}

function pairKey(r: EventRecord): string {
  const a = r.source.country ?? r.source.org ?? r.source.code;
  const b = r.target ? (r.target.country ?? r.target.org ?? r.target.code) : '';
  return (a < b ? `${a}|${b}` : `${b}|${a}`) + '|' + r.cameo.slice(0, 2);
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/**
 * A record dated only by publication borrows the date of the same act reported with a date
 * elsewhere in the article ("The meeting took place Wednesday"), if that date is recent.
 */
function borrowDates(records: EventRecord[], published: string | null): void {
  if (!published) return;
  const dated = records.filter(
    (r) =>
      r.date?.basis === 'text' &&
      r.date.precision === 'day' &&
      r.modality === 'asserted' &&
      daysBetween(r.date.value, published) <= 14,
  );
  if (dated.length === 0) return;
  const datedKeys = dated.map(pairKey);
  for (const r of records) {
    if (r.date?.basis !== 'published' || r.modality !== 'asserted') continue;
    const key = pairKey(r);
    const same = dated.filter((d, i) => d !== r && datedKeys[i] === key);
    const best = same.sort((a, b) => (b.date?.value ?? '').localeCompare(a.date?.value ?? ''))[0];
    if (!best?.date) continue;
    r.date = { ...best.date };
    r.evidence.push(`date:from-sentence-${best.sentenceIndex}`);
    if (!r.location && best.location) r.location = { ...best.location };
  }
}

/**
 * Stage 5 for one sentence: the modality of each candidate, then the candidates left once the
 * cues that govern other events ("agreed to meet") and dropped ones are taken out.
 */
function modality(mctx: ModalityContext, s: Sentence, found: Candidate[]): Candidate[] {
  const cues = sentenceCues(mctx, s.first, s.last, s.lex);
  mctx.conditional = cues.conditional;
  mctx.future = cues.future;
  // A few per sentence: arrays, not sets.
  const governing: number[] = [];
  const dropped: Candidate[] = [];
  for (const c of found) {
    // The verb carrying a noun event ("offered condolences") is part of that event.
    if (c.trigger.light !== null) governing.push(c.trigger.light);
    const m = applyModality(mctx, c);
    if (m.drop) dropped.push(c);
    c.code = m.code;
    c.modality = m.modality;
    c.evidence.push(...m.evidence);
    // A cue that governs another event ("agreed to meet") is not an event of its own.
    if (m.cue && m.cue.effect !== 'appeal' && m.cue.effect !== 'demand') governing.push(m.cue.at);
  }
  return refineAppeals(
    mctx,
    governing.length || dropped.length
      ? found.filter((c) => !governing.includes(c.trigger.first) && !dropped.includes(c))
      : found,
  );
}

/** An article's text after stages 1 and 2: normalized, split into sentences and tagged. */
interface ReadText {
  norm: NormalizedText;
  doc: Segmented;
}

/** Stages 1 and 2 of one article. */
function readText(text: string, dict: Dictionaries): ReadText {
  const norm = normalize(text);
  return { norm, doc: segment(norm, dict.lexicon) };
}

/**
 * Codes one article: normalize, segment, actors, events, modality, dates, places, scores.
 * Pure: the same article and dictionaries always give the same records.
 * @example codeArticle({ id: 'a1', text: 'Putin hosted Assad on Wednesday.', published: '2024-07-25' }, dict)
 */
export function codeArticle(
  article: PipelineArticle,
  dict: Dictionaries,
  options: PipelineOptions = {},
): ArticleResult {
  return codeRead(article, readText(article.text, dict), dict, options);
}

/**
 * Codes several articles, each as `codeArticle` would. wink-nlp reads them all before the
 * later stages run, which measured faster than article by article (its reading runs slower
 * with the later stages in between).
 * @example codeArticles([{ id: 'a1', text: 'Putin hosted Assad.' }, { id: 'a2', text: 'Erdogan called Assad.' }], dict).length // 2
 */
export function codeArticles(
  articles: readonly PipelineArticle[],
  dict: Dictionaries,
  options: PipelineOptions = {},
): ArticleResult[] {
  const read = articles.map((a) => readText(a.text, dict));
  return articles.map((a, i) => codeRead(a, read[i] as ReadText, dict, options));
}

/** Stages 3 to 9 of an article whose text is read. */
function codeRead(
  article: PipelineArticle,
  { norm, doc }: ReadText,
  dict: Dictionaries,
  options: PipelineOptions,
): ArticleResult {
  const issues: Issue[] = [];
  const published = article.published ? article.published.slice(0, 10) : null;
  const keys = doc.keys;
  const mentions = findActors(doc, keys, dict, published);
  const mctx: ModalityContext = {
    tokens: doc.tokens,
    keys,
    dict,
    conditional: false,
    future: false,
  };
  // Stage by stage over all sentences rather than sentence by sentence through every stage:
  // each stage's code then stays in the processor's instruction cache.
  const rejections: Rejection[] = [];
  // Triggers only where some actor is named: an event needs one.
  const triggers = doc.sentences.map((s) =>
    mentions[s.index]?.length && s.lex & (LEX.verb | LEX.noun)
      ? findTriggers(doc.tokens, keys, s.first, s.last, dict)
      : [],
  );
  const found = doc.sentences.map((s) => {
    const sentenceTriggers = triggers[s.index] as Trigger[];
    const sentenceMentions = mentions[s.index] ?? [];
    // No actor, no event (and nothing to explain).
    if (sentenceMentions.length === 0) return [];
    const f = findEvents(
      doc.tokens,
      keys,
      s,
      sentenceMentions,
      sentenceTriggers,
      dict,
      options.trace,
    );
    if (options.trace) rejections.push(...f.rejections);
    return f.candidates;
  });
  const kept = doc.sentences.map((s) =>
    (found[s.index] as Candidate[]).length ? modality(mctx, s, found[s.index] as Candidate[]) : [],
  );
  const texts = doc.sentences.map((s) =>
    (kept[s.index] as Candidate[]).length ? norm.text.slice(s.start, s.end) : '',
  );
  const dates = doc.sentences.map((s) => {
    const candidates = kept[s.index] as Candidate[];
    // No word a date could hold, no date (most sentences).
    if (candidates.length === 0 || !(s.lex & LEX.date)) return [];
    // Only date words in the clause of some event are worth parsing.
    const anchors = candidates.map((c) => c.trigger.first);
    return findDates(texts[s.index] as string, s.start, published, (at) => {
      const tok = tokenAt(doc.tokens, s.first, s.last, s.start + at);
      return anchors.some((a) => sameClause(doc.tokens, keys, tok, a));
    });
  });
  const places = doc.sentences.map((s) =>
    (kept[s.index] as Candidate[]).length
      ? findPlaces(doc.tokens, keys, norm.text, s.first, s.last, dict)
      : [],
  );
  const records: EventRecord[] = [];
  const allCandidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const s of doc.sentences) {
    const sentenceText = texts[s.index] as string;
    const exprs = dates[s.index] as DateExpression[];
    for (const c of kept[s.index] as Candidate[]) {
      allCandidates.push(c);
      const source = toActor(c.source, norm.text, doc.tokens);
      const target = c.target ? toActor(c.target, norm.text, doc.tokens) : null;
      const triggerStart = (doc.tokens[c.trigger.first] as { start: number }).start;
      const triggerEnd = (doc.tokens[c.trigger.last - 1] as { end: number }).end;
      const id = recordId(
        article.id,
        s.index,
        triggerStart,
        source.start,
        target?.start ?? null,
        c.code,
      );
      if (seen.has(id)) continue;
      seen.add(id);
      const expr = chooseDate(c, exprs, doc, keys);
      const date: EventDate | null = toEventDate(
        expr,
        published,
        c.modality === 'planned' ? 'future' : 'past',
      );
      const location: Location | null = placeFor(
        places[s.index] as PlaceMention[],
        doc.tokens,
        keys,
        c.trigger.first,
      );
      const evidence: string[] = [];
      for (const e of c.source.evidence) evidence.push(`source:${e}`);
      if (c.target) for (const e of c.target.evidence) evidence.push(`target:${e}`);
      evidence.push(...c.evidence);
      if (expr) evidence.push(`date:${expr.text}`);
      if (location) evidence.push(`place:${location.name}`);
      const scored = score(dict, c.code);
      records.push({
        id,
        articleId: article.id,
        sentenceIndex: s.index,
        sentence: sentenceText,
        source,
        target,
        // Named one by one: a spread inside a literal builds the record slowly.
        cameo: scored.cameo,
        cameoLabel: scored.cameoLabel,
        plover: scored.plover,
        quadClass: scored.quadClass,
        goldstein: scored.goldstein,
        modality: c.modality,
        date,
        location,
        trigger: {
          text: norm.text.slice(triggerStart, triggerEnd),
          start: triggerStart,
          end: triggerEnd,
        },
        quote: c.speaker
          ? { speaker: toActor(c.speaker, norm.text, doc.tokens), text: sentenceText }
          : null,
        confidence: confidence(c),
        evidence,
      });
    }
  }
  borrowDates(records, published);
  const result: ArticleResult = { records, issues };
  if (options.trace)
    result.trace = { doc, text: norm.text, mentions, candidates: allCandidates, rejections };
  return result;
}
