import * as chrono from 'chrono-node';
import type { EventDate } from '../../record.js';

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

const HINT = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|tomorrow|tonight|week|month|year|ago|\d{4})/i;
const RELATIVE = /\b(last|next|this|ago|yesterday|today|tomorrow|tonight|earlier|later|previous|coming|past|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const BARE_YEAR = /\b(in|since|during|by|until|from|through|of|early|late|mid|mid-)\s+((?:19|20)\d{2})\b(?![-/]\d)/gi;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function format(year: number, month: number, day: number, precision: DateExpression['precision']): string {
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function reference(published: string | null): Date {
  return published ? new Date(`${published.slice(0, 10)}T12:00:00Z`) : new Date('2000-01-01T12:00:00Z');
}

/**
 * Every date expression of a sentence: chrono-node's, plus bare years ("in 2011") which it does
 * not read. `offset` is where the sentence starts in the body.
 * @example findDates('They met in March 2023.', 0, '2024-07-25')[0]?.value // '2023-03'
 */
export function findDates(sentence: string, offset: number, published: string | null): DateExpression[] {
  if (!HINT.test(sentence)) return [];
  const out: DateExpression[] = [];
  const ref = reference(published);
  for (const r of chrono.parse(sentence, { instant: ref, timezone: 'UTC' })) {
    const c = r.start;
    const year = c.get('year');
    const month = c.get('month');
    const day = c.get('day');
    if (year === null || month === null || day === null) continue;
    let precision: DateExpression['precision'];
    if (c.isCertain('day') || c.isCertain('weekday')) precision = 'day';
    else if (c.isCertain('month')) precision = 'month';
    else if (c.isCertain('year')) precision = 'year';
    else if (/\bweek\b/i.test(r.text)) precision = 'day';
    else continue;
    // "Theresa May": a month name right after a capitalised word is part of a name.
    if (!c.isCertain('day') && !c.isCertain('year') && /[A-Z][a-z]+\s+$/.test(sentence.slice(Math.max(0, r.index - 20), r.index))) continue;
    const relative = RELATIVE.test(r.text) || !c.isCertain('year');
    const weekdayOnly = c.isCertain('weekday') && !c.isCertain('day');
    const before = sentence.slice(Math.max(0, r.index - 7), r.index).toLowerCase();
    out.push({
      value: format(year, month, day, precision),
      precision,
      text: r.text.replace(/^(on|in|at)\s+/i, ''),
      start: offset + r.index + (r.text.length - r.text.replace(/^(on|in|at)\s+/i, '').length),
      end: offset + r.index + r.text.length,
      since: /\bsince\s*$/.test(before),
      weekday: weekdayOnly ? (c.get('weekday') ?? null) : null,
      relative,
    });
  }
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
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The day a weekday names: a past act on the last such day up to publication, a future one on
 * the next after it (chrono picks the nearest, which is wrong half the time).
 * @example resolveWeekday(3, '2024-07-25', 'past') // '2024-07-24'
 */
export function resolveWeekday(weekday: number, published: string, direction: 'past' | 'future'): string {
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
    const value = expr.weekday !== null && published ? resolveWeekday(expr.weekday, published, direction) : expr.value;
    return { value, precision: expr.precision, text: expr.text, basis: 'text', start: expr.start, end: expr.end };
  }
  if (!published) return null;
  return { value: published.slice(0, 10), precision: 'day', text: null, basis: 'published', start: null, end: null };
}
