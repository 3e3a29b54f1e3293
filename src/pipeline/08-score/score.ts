import { hash } from 'node:crypto';
import type { Dictionaries } from '../../dictionaries/index.js';
import type { CameoEntry } from '../../dictionaries/schemas.js';
import type { Actor, EventRecord } from '../../record.js';
import type { Mention } from '../03-actors/mention.js';
import type { Candidate } from '../04-events/events.js';

/** The CAMEO row for a code, falling back to its parent ("0831" → "083" → "08"). */
export function cameoRow(dict: Dictionaries, code: string): CameoEntry | null {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const row = dict.cameo.get(c);
    if (row) return row;
  }
  return null;
}

/** The record's actor: words, offsets, code and the person or body behind it. */
export function toActor(
  m: Mention,
  text: string,
  tokens: readonly { start: number; end: number }[],
): Actor {
  const start = tokens[m.first]?.start ?? 0;
  const end = tokens[m.last - 1]?.end ?? start;
  return {
    text: text.slice(start, end),
    start,
    end,
    code: m.code,
    country: m.org && m.org.kind !== 'NAT' ? null : m.country,
    org: m.org && m.org.kind !== 'NAT' ? m.org.key : null,
    role: m.role,
    entity: m.person
      ? { id: m.person.id, name: m.person.name }
      : m.org
        ? { id: m.org.key.toLowerCase(), name: m.org.name }
        : null,
  };
}

/**
 * How far to trust a record: direct verb frames and named people count for, pronouns,
 * far targets and nouns without a verb against.
 */
export function confidence(c: Candidate): number {
  let score = 0.6;
  if (c.trigger.kind === 'verb') score += 0.1;
  if (c.frame === 'noun:owner' || c.frame === 'noun:between') score -= 0.05;
  if (c.source.person || c.source.title) score += 0.05;
  if (c.target && (c.target.person || c.target.title)) score += 0.05;
  if (c.source.anaphor) score -= 0.15;
  if (c.target?.anaphor) score -= 0.15;
  if (c.target && c.target.first - c.trigger.last > 6) score -= 0.1;
  if (c.modality !== 'asserted') score -= 0.05;
  if (!c.target) score -= 0.15;
  return Math.round(Math.min(0.95, Math.max(0.05, score)) * 100) / 100;
}

/** The id of a record's key text. */
function idOf(key: string): string {
  return 'ev_' + hash('sha1', key).slice(0, 12);
}

/** Stable id: the same input always gives the same id. */
export function eventId(parts: (string | number | null)[]): string {
  return idOf(parts.join('|'));
}

/**
 * `eventId` of a record's parts, given one by one: the same text hashed, built without a list
 * to join (joining turns each number into text more slowly).
 */
export function recordId(
  articleId: string,
  sentence: number,
  trigger: number,
  source: number,
  target: number | null,
  code: string,
): string {
  return idOf(`${articleId}|${sentence}|${trigger}|${source}|${target ?? ''}|${code}`);
}

export type Scored = Pick<
  EventRecord,
  'cameo' | 'cameoLabel' | 'plover' | 'quadClass' | 'goldstein'
>;

/** Stage 8: label, Goldstein value, QuadClass and PLOVER type and mode of a code. */
export function score(dict: Dictionaries, code: string): Scored {
  const row = cameoRow(dict, code);
  return {
    cameo: code,
    cameoLabel: row?.label ?? 'Unknown',
    plover: { type: row?.plover ?? 'UNKNOWN', mode: row?.mode ?? null },
    quadClass: row?.quad ?? 1,
    goldstein: row?.goldstein ?? 0,
  };
}
