import type * as chrono from 'chrono-node';
import type { EventDate } from '../../record.js';
import { DATE_HINT as HINT } from './hint.js';
import { parserFor } from './parsers.js';

/** A date expression found in a sentence, already resolved. */
export interface DateExpression {
  value: string;
  precision: 'day' | 'month' | 'year';
  text: string;
  /** Offsets in the article body. */
  start: number;
  end: number;
  /** "since 2015": the start of a state, not the day of an act. */
  since: boolean;
  /** A weekday alone ("Wednesday"): its direction depends on the verb's tense. */
  weekday: number | null;
  /** Words like "last", "ago", "yesterday": meaningless without a publication date. */
  relative: boolean;
}

const RELATIVE =
  /\b(last|next|this|ago|yesterday|today|tomorrow|tonight|earlier|later|previous|coming|past|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const BARE_YEAR =
  /\b(in|since|during|by|until|from|through|of|early|late|mid|mid-)\s+((?:19|20)\d{2})\b(?![-/]\d)/gi;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function format(
  year: number,
  month: number,
  day: number,
  precision: DateExpression['precision'],
): string {
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The last reference read: the sentences of an article share one date, and reading it is not free. */
let lastReference = { published: null as string | null, time: Date.parse('2000-01-01T12:00:00Z') };

function reference(published: string | null): Date {
  if (published !== lastReference.published) {
    const time = published
      ? Date.parse(`${published.slice(0, 10)}T12:00:00Z`)
      : Date.parse('2000-01-01T12:00:00Z');
    lastReference = { published, time };
  }
  return new Date(lastReference.time);
}

/**
 * Every date expression of a sentence: chrono-node's, plus bare years ("in 2011") which it does
 * not read. `offset` is where the sentence starts in the body.
 * @example findDates('They met in March 2023.', 0, '2024-07-25')[0]?.value // '2023-03'
 */
export function findDates(
  sentence: string,
  offset: number,
  published: string | null,
  wanted: (at: number) => boolean = () => true,
): DateExpression[] {
  const out: DateExpression[] = [];
  const windows = dateWindows(sentence, wanted);
  if (windows.length > 0) {
    const ref = reference(published);
    for (const [from, to] of windows) {
      const text = sentence.slice(from, to);
      const parser = parserFor(text);
      if (parser)
        for (const r of parser.parse(text, { instant: ref, timezone: 'UTC' }))
          addChronoResult(out, r, from, sentence, offset);
    }
  }
  // A bare year needs "19" or "20"; looking for them is cheaper than the pattern.
  if (sentence.includes('19') || sentence.includes('20')) addBareYears(out, sentence, offset);
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

/** Whether the character at `at` is no space, as /\S/ says: printable ASCII without the pattern. */
function solid(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c > 32 && c < 127) return true;
  if (c === 32 || (c >= 9 && c <= 13)) return false;
  return /\S/.test(text[at] as string);
}

/**
 * Stretches of the sentence around date words: chrono-node reads only these, since its cost
 * grows with the text it is given and most of a sentence holds no date.
 */
function dateWindows(sentence: string, wanted: (at: number) => boolean): [number, number][] {
  const windows: [number, number][] = [];
  HINT.lastIndex = 0;
  for (let m = HINT.exec(sentence); m; m = HINT.exec(sentence)) {
    if (!wanted(m.index)) continue;
    let from = Math.max(0, m.index - 28);
    let to = Math.min(sentence.length, m.index + m[0].length + 28);
    while (from > 0 && solid(sentence, from - 1)) from--;
    while (to < sentence.length && solid(sentence, to)) to++;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

function addChronoResult(
  out: DateExpression[],
  r: chrono.ParsedResult,
  shift: number,
  sentence: string,
  offset: number,
): void {
  {
    const index = r.index + shift;
    const c = r.start;
    const year = c.get('year');
    const month = c.get('month');
    const day = c.get('day');
    if (year === null || month === null || day === null) return;
    let precision: DateExpression['precision'];
    if (c.isCertain('day') || c.isCertain('weekday')) precision = 'day';
    else if (c.isCertain('month')) precision = 'month';
    else if (c.isCertain('year')) precision = 'year';
    else if (/\bweek\b/i.test(r.text)) precision = 'day';
    else return;
    // "Theresa May": a month name right after a capitalised word is part of a name.
    if (
      !c.isCertain('day') &&
      !c.isCertain('year') &&
      !c.isCertain('weekday') &&
      /^[A-Z]/.test(r.text) &&
      /[A-Z][a-z]+\s+$/.test(sentence.slice(Math.max(0, index - 20), index))
    )
      return;
    // The certainty first: it spares the pattern for most results (weekdays have no year).
    const relative = !c.isCertain('year') || RELATIVE.test(r.text);
    const weekdayOnly = c.isCertain('weekday') && !c.isCertain('day');
    const before = sentence.slice(Math.max(0, index - 7), index).toLowerCase();
    // Only a text starting with o, i or a can start with "on", "in" or "at".
    const lead = r.text.charCodeAt(0) | 32;
    const text =
      lead === 111 || lead === 105 || lead === 97 ? r.text.replace(/^(on|in|at)\s+/i, '') : r.text;
    out.push({
      value: format(year, month, day, precision),
      precision,
      text,
      start: offset + index + (r.text.length - text.length),
      end: offset + index + r.text.length,
      since: before.includes('since') && /\bsince\s*$/.test(before),
      weekday: weekdayOnly ? (c.get('weekday') ?? null) : null,
      relative,
    });
  }
}

function addBareYears(out: DateExpression[], sentence: string, offset: number): void {
  for (const m of sentence.matchAll(BARE_YEAR)) {
    const yearText = m[2] as string;
    const at = (m.index ?? 0) + m[0].length - yearText.length;
    if (out.some((d) => d.start - offset <= at && at < d.end - offset)) continue;
    out.push({
      value: yearText,
      precision: 'year',
      text: yearText,
      start: offset + at,
      end: offset + at + yearText.length,
      since: (m[1] as string).toLowerCase() === 'since',
      weekday: null,
      relative: false,
    });
  }
}

/**
 * The day a weekday names: a past act on the last such day up to publication, a future one on
 * the next after it (chrono picks the nearest, which is wrong half the time).
 * @example resolveWeekday(3, '2024-07-25', 'past') // '2024-07-24'
 */
export function resolveWeekday(
  weekday: number,
  published: string,
  direction: 'past' | 'future',
): string {
  const ref = reference(published);
  const diff = (weekday - ref.getUTCDay() + 7) % 7;
  const days = direction === 'past' ? (diff === 0 ? 0 : diff - 7) : diff === 0 ? 7 : diff;
  const d = new Date(ref.getTime() + days * 86_400_000);
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 'day');
}

/** The record's date from a chosen expression, or the publication date, or null. */
export function toEventDate(
  expr: DateExpression | null,
  published: string | null,
  direction: 'past' | 'future',
): EventDate | null {
  if (expr && (published || !expr.relative)) {
    const value =
      expr.weekday !== null && published
        ? resolveWeekday(expr.weekday, published, direction)
        : expr.value;
    return {
      value,
      precision: expr.precision,
      text: expr.text,
      basis: 'text',
      start: expr.start,
      end: expr.end,
    };
  }
  if (!published) return null;
  return {
    value: published.slice(0, 10),
    precision: 'day',
    text: null,
    basis: 'published',
    start: null,
    end: null,
  };
}
