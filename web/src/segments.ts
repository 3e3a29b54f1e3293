import type { Span, SpanKind } from './types.js';

/** A piece of text and the spans that cover all of it. */
export interface Segment {
  text: string;
  start: number;
  spans: Span[];
}

/**
 * Cuts text at every span boundary, so overlapping spans (an actor inside a quote, a place
 * inside a date) become flat pieces each knowing what covers it.
 * @example segments('Putin met Assad', [{ kind: 'trigger', start: 6, end: 9, label: '040' }])
 */
export function segments(text: string, spans: readonly Span[]): Segment[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set([0, text.length]);
  for (const s of valid) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covering = valid.filter((s) => s.start <= start && s.end >= end);
    const last = out[out.length - 1];
    // Neighbours covered by nothing are one piece of plain text.
    if (covering.length === 0 && last && last.spans.length === 0)
      last.text += text.slice(start, end);
    else out.push({ text: text.slice(start, end), start, spans: covering });
  }
  return out;
}

type Located = { start: number | null; end: number | null; text: string | null } | null;

/**
 * Where a record's words fall in its own sentence. Records give offsets in the article; the
 * sentence's offset is found from the trigger (always in the sentence), choosing, when its
 * words occur twice, the place where most other parts also fit.
 * @example sentenceSpans('Putin met Assad.', { trigger: { text: 'met', start: 106, end: 109 }, ... })
 */
export function sentenceSpans(
  sentence: string,
  parts: { kind: SpanKind; at: Located; label: string }[],
): Span[] {
  const trigger = parts.find((p) => p.kind === 'trigger')?.at;
  if (!trigger || trigger.start === null || !trigger.text) return [];
  const fits = (base: number, at: Located) =>
    !!at &&
    at.start !== null &&
    at.end !== null &&
    at.text !== null &&
    sentence.slice(at.start - base, at.end - base) === at.text;
  let best: { base: number; score: number } | null = null;
  for (let i = sentence.indexOf(trigger.text); i >= 0; i = sentence.indexOf(trigger.text, i + 1)) {
    const base = trigger.start - i;
    const score = parts.filter((p) => fits(base, p.at)).length;
    if (!best || score > best.score) best = { base, score };
  }
  if (!best) return [];
  const base = best.base;
  return parts.flatMap((p) =>
    fits(base, p.at) && p.at
      ? [
          {
            kind: p.kind,
            start: (p.at.start as number) - base,
            end: (p.at.end as number) - base,
            label: p.label,
          },
        ]
      : [],
  );
}
