import { createHash } from 'node:crypto';
import type { SeenKey } from '../store/feeds.js';
import type { FeedEntry } from './entries.js';

/** Query parameters that only say where a click came from. */
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|_ga)$/i;

/**
 * A URL in the form two links to the same article share: no fragment, no tracking parameters,
 * lower-case scheme and host, no default port.
 * @example normalizeUrl('https://News.example.org/a?utm_source=rss#top') // 'https://news.example.org/a'
 */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const name of [...u.searchParams.keys()])
      if (TRACKING.test(name)) u.searchParams.delete(name);
    return u.href.replace(/\?$/, '');
  } catch {
    return url;
  }
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Entry text shorter than this says too little for its hash to mean "the same entry". */
const MIN_HASHED_TEXT = 40;

/**
 * The keys an entry is known by before its page is read: its link, and a hash of its title and
 * text (the same entry under another link, in another feed).
 * @example entryKeys({ link: 'https://x.org/a', guid: null, title: 'T', published: null, text: '' })
 */
export function entryKeys(entry: FeedEntry): SeenKey[] {
  const keys: SeenKey[] = [];
  if (entry.link) keys.push({ kind: 'url', value: normalizeUrl(entry.link) });
  const text = words(entry.text);
  if (entry.title && text.length >= MIN_HASHED_TEXT)
    keys.push({ kind: 'hash', value: sha256(`entry\n${words(entry.title)}\n${text}`) });
  return keys;
}

/**
 * The keys an article is known by once read: its canonical and fetched URLs, and a hash of its
 * text (a copy of a stored article under another address).
 * @example articleKeys('https://x.org/a', 'https://x.org/a?id=1', 'Putin met Assad.')
 */
export function articleKeys(canonical: string, fetched: string, text: string): SeenKey[] {
  const urls = new Set([normalizeUrl(canonical), normalizeUrl(fetched)]);
  return [
    ...[...urls].map((value) => ({ kind: 'url' as const, value })),
    { kind: 'hash', value: sha256(`text\n${words(text)}`) },
  ];
}
