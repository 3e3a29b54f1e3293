import { isSpeechVerb } from '../../dictionaries/index.js';
import type { Token } from '../02-segment/segment.js';

/** Words that open another clause: a date or place beyond one belongs to another verb. */
const OPENERS = new Set([
  ';',
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'when',
  'while',
  'because',
  'although',
  'but',
  'after',
  'before',
  'whereas',
  'until',
  '(',
  ')',
]);

/**
 * Whether tokens `a` and `b` stand in one clause: no clause opener or verb of saying between.
 * @example sameClause(tokens, keys, 2, 9)
 */
export function sameClause(
  tokens: readonly Token[],
  keys: readonly string[],
  a: number,
  b: number,
): boolean {
  const [from, to] = a < b ? [a, b] : [b, a];
  for (let i = from + 1; i < to; i++) {
    const k = keys[i] ?? '';
    if (OPENERS.has(k)) return false;
    if (isSpeechVerb(tokens[i])) return false;
  }
  return true;
}

/** The token that covers character offset `at` (binary search over a sentence's tokens). */
export function tokenAt(tokens: readonly Token[], first: number, last: number, at: number): number {
  let lo = first;
  let hi = last - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tokens[mid] as Token).start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
