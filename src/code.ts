import { CHUNK_CHARS } from './chunk.js';
import { loadDictionaries, type Dictionaries } from './dictionaries/index.js';
import { codeArticle, codeArticles, type ArticleResult } from './pipeline/index.js';
import { eventId } from './pipeline/08-score/score.js';
import type { Article, EventRecord } from './record.js';

export interface CodeOptions {
  /** Publication date for an article that has none (YYYY-MM-DD). */
  published?: string | null;
  /** Dictionaries to use; the bundled ones by default. */
  dictionaries?: Dictionaries;
}

export { CHUNK_CHARS };

interface Slice {
  offset: number;
  text: string;
}

function slices(text: string): Slice[] {
  if (text.length <= CHUNK_CHARS) return [{ offset: 0, text }];
  const out: Slice[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + CHUNK_CHARS);
    if (end < text.length) {
      const para = text.lastIndexOf('\n', end);
      const stop = text.lastIndexOf('. ', end);
      const cut =
        para > at + CHUNK_CHARS / 2 ? para + 1 : stop > at + CHUNK_CHARS / 2 ? stop + 2 : end;
      end = cut;
    }
    out.push({ offset: at, text: text.slice(at, end) });
    at = end;
  }
  return out;
}

function shift(r: EventRecord, offset: number, sentences: number): EventRecord {
  const move = <T extends { start: number; end: number }>(x: T): T => ({
    ...x,
    start: x.start + offset,
    end: x.end + offset,
  });
  const out: EventRecord = {
    ...r,
    sentenceIndex: r.sentenceIndex + sentences,
    source: move(r.source),
    target: r.target ? move(r.target) : null,
    trigger: move(r.trigger),
    location: r.location ? move(r.location) : null,
    date:
      r.date && r.date.start !== null && r.date.end !== null
        ? { ...r.date, start: r.date.start + offset, end: r.date.end + offset }
        : r.date,
    quote: r.quote ? { ...r.quote, speaker: move(r.quote.speaker) } : null,
  };
  out.id = eventId([
    r.articleId,
    out.sentenceIndex,
    out.trigger.start,
    out.source.start,
    out.target?.start ?? null,
    r.cameo,
  ]);
  return out;
}

/**
 * Codes one article a slice at a time, yielding the records and issues of each slice as soon
 * as it is coded, so that a caller can write them out and memory stays flat for any length.
 * Offsets and sentence indexes refer to the whole body.
 * @example for (const part of codeSlices(article)) write(part.records);
 */
export function* codeSlices(article: Article, options: CodeOptions = {}): Generator<ArticleResult> {
  const dict = options.dictionaries ?? loadDictionaries();
  const published = article.published ?? options.published ?? null;
  const parts = slices(article.text.normalize('NFC'));
  // The composed text, so that the pipeline's own composing finds nothing left to do.
  if (parts.length === 1) {
    yield codeArticle({ id: article.id, text: (parts[0] as Slice).text, published }, dict);
    return;
  }
  let sentences = 0;
  for (const part of parts) {
    const r = codeArticle({ id: article.id, text: part.text, published }, dict, { trace: true });
    yield { records: r.records.map((x) => shift(x, part.offset, sentences)), issues: r.issues };
    sentences += r.trace?.doc.sentences.length ?? 0;
  }
}

/**
 * Codes one article into event records (spec: event-record.md). Long articles are coded in
 * slices; every record is returned at once (use codeSlices to stream a very long one).
 * @example
 * const records = codeText({ id: 'a1', text: 'Putin hosted Assad on Wednesday.', published: '2024-07-25' });
 */
export function codeText(article: Article, options: CodeOptions = {}): ArticleResult {
  const records: EventRecord[] = [];
  const issues: ArticleResult['issues'] = [];
  for (const part of codeSlices(article, options)) {
    for (const r of part.records) records.push(r);
    issues.push(...part.issues);
  }
  return { records, issues };
}

/** Articles `dragoman code` hands to `codeTexts` at a time. */
export const BATCH_ARTICLES = 32;

/** Most characters read before coding: what is read is held until coded, so memory stays bounded. */
const TOGETHER_CHARS = 100_000;

/**
 * Codes several articles, each as `codeText` would, in the same order. Articles short enough
 * to be one slice are coded a few together, which is faster than one by one (see
 * `codeArticles`); a long one is coded by itself, slice by slice.
 * @example codeTexts([{ id: 'a1', text: 'Putin hosted Assad.' }]).map((r) => r.records.length)
 */
export function codeTexts(
  articles: readonly Article[],
  options: CodeOptions = {},
): ArticleResult[] {
  const dict = options.dictionaries ?? loadDictionaries();
  const out: ArticleResult[] = new Array<ArticleResult>(articles.length);
  let together: { at: number; id: string; text: string; published: string | null }[] = [];
  let chars = 0;
  const flush = () => {
    const results = codeArticles(together, dict);
    for (const [i, { at }] of together.entries()) out[at] = results[i] as ArticleResult;
    together = [];
    chars = 0;
  };
  for (const [at, article] of articles.entries()) {
    const text = article.text.normalize('NFC');
    if (text.length > CHUNK_CHARS) {
      out[at] = codeText(article, { ...options, dictionaries: dict });
      continue;
    }
    if (chars + text.length > TOGETHER_CHARS && together.length > 0) flush();
    together.push({
      at,
      id: article.id,
      text,
      published: article.published ?? options.published ?? null,
    });
    chars += text.length;
  }
  flush();
  return out;
}
