import { createHash } from 'node:crypto';
import type { Article } from '../record.js';

/**
 * The hash that decides whether a stored article must be recoded: its text and the fields
 * that change how it codes (the publication date) or how it is shown (title, URL, outlet).
 * @example contentHash({ id: 'a', text: 'Putin met Assad.' }).length // 64
 */
export function contentHash(a: Article): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        a.text,
        a.published ?? null,
        a.title ?? null,
        a.url ?? null,
        a.source ?? null,
      ]),
    )
    .digest('hex');
}
