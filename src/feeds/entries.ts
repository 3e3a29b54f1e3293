// feedsmith reads RSS 0.9x/2.0, Atom, RDF and JSON Feed with one call and is actively kept
// (releases through 2026); @rowanmanning/feed-parser reads no JSON Feed.
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import { dayOf } from '../ingest/day.js';
import { htmlText } from '../ingest/html.js';

/** One entry of a feed, whatever its format. */
export interface FeedEntry {
  /** The article's address, absolute; null when the entry has none. */
  link: string | null;
  guid: string | null;
  title: string | null;
  /** YYYY-MM-DD. */
  published: string | null;
  /** Plain text of the entry's summary or full content, '' when it has none. */
  text: string;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  entries: FeedEntry[];
}

function absolute(href: string | undefined | null, base: string): string | null {
  if (!href?.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function clean(s: string | undefined | null): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/** Text of an HTML or plain body, the longer of a summary and the content. */
function bodyText(...parts: (string | undefined | null)[]): string {
  let best = '';
  for (const p of parts) {
    if (!p?.trim()) continue;
    const t = /<[a-z!/]/i.test(p) ? htmlText(p) : p.trim();
    if (t.length > best.length) best = t;
  }
  return best;
}

/** Why a feed could not be read: where XML breaks, what JSON says, or that it is no feed. */
function diagnose(text: string, err: Error): string {
  const start = text.trimStart();
  if (start.startsWith('{')) {
    try {
      JSON.parse(start);
    } catch (e) {
      return `malformed JSON feed: ${(e as Error).message}`;
    }
    return 'not a JSON Feed (no version or items)';
  }
  if (/^<(!doctype\s+)?html/i.test(start)) return 'an HTML page, not a feed';
  if (start.startsWith('<')) {
    const v = XMLValidator.validate(start);
    if (v !== true) return `malformed XML at line ${v.err.line}, column ${v.err.col}: ${v.err.msg}`;
  }
  return `not an RSS, Atom or JSON feed (${err.message})`;
}

/**
 * Entries of an RSS, Atom, RDF or JSON feed, with links made absolute against the feed's URL;
 * or why the text is not a feed. Pure.
 * @example parseFeedText('<rss version="2.0">…</rss>', 'https://example.org/feed.xml')
 */
export function parseFeedText(
  text: string,
  feedUrl: string,
): { feed: ParsedFeed } | { error: string } {
  let parsed: ReturnType<typeof parseFeed<string>>;
  try {
    parsed = parseFeed(text);
  } catch (err) {
    return { error: diagnose(text, err as Error) };
  }
  const at = (href: string | undefined | null) => absolute(href, feedUrl);
  switch (parsed.format) {
    case 'rss': {
      const f = parsed.feed;
      return {
        feed: {
          format: 'rss',
          title: clean(f.title),
          entries: (f.items ?? []).map((i) => {
            const guid = clean(i.guid?.value);
            const permalink = i.guid?.isPermaLink !== false ? at(guid) : null;
            return {
              link: at(i.link) ?? permalink,
              guid,
              title: clean(i.title),
              published: dayOf(i.pubDate ?? i.dc?.dates?.[0]),
              text: bodyText(i.description, i.content?.encoded),
            };
          }),
        },
      };
    }
    case 'atom': {
      const f = parsed.feed;
      return {
        feed: {
          format: 'atom',
          title: clean(f.title?.value),
          entries: (f.entries ?? []).map((e) => {
            const link =
              e.links?.find((l) => !l.rel || l.rel === 'alternate')?.href ?? e.links?.[0]?.href;
            return {
              link: at(link),
              guid: clean(e.id),
              title: clean(e.title?.value),
              published: dayOf(e.published ?? e.updated),
              text: bodyText(e.summary?.value, e.content?.value),
            };
          }),
        },
      };
    }
    case 'rdf': {
      const f = parsed.feed;
      return {
        feed: {
          format: 'rdf',
          title: clean(f.title),
          entries: (f.items ?? []).map((i) => ({
            link: at(i.link),
            guid: clean(i.rdf?.about),
            title: clean(i.title),
            published: dayOf(i.dc?.dates?.[0]),
            text: bodyText(i.description, i.content?.encoded),
          })),
        },
      };
    }
    case 'json': {
      const f = parsed.feed;
      return {
        feed: {
          format: 'json',
          title: clean(f.title),
          entries: (f.items ?? []).map((i) => ({
            link: at(i.url) ?? at(i.external_url),
            guid: clean(i.id),
            title: clean(i.title),
            published: dayOf(i.date_published ?? i.date_modified),
            text: bodyText(i.summary, i.content_text, i.content_html),
          })),
        },
      };
    }
  }
}
