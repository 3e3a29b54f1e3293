import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from './local-server.js';

/** The project's feed and page fixtures (test/fixtures/feeds). */
export const FEED_FIXTURES = new URL('./fixtures/feeds/', import.meta.url).pathname;

/** A fixture file with `{{origin}}` replaced by the server's address. */
export function fixture(name: string, origin: string): string {
  return readFileSync(join(FEED_FIXTURES, name), 'utf8').replaceAll('{{origin}}', origin);
}

/** A feed item for the builders below. */
export interface Item {
  link: string;
  title: string;
  /** ISO date-time. */
  date: string;
}

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

export function rss(title: string, items: Item[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title>\n${items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link><pubDate>${new Date(i.date).toUTCString()}</pubDate></item>`,
    )
    .join('\n')}\n</channel></rss>\n`;
}

export function atom(title: string, items: Item[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:test:${esc(title)}</id><updated>2025-06-16T00:00:00Z</updated>\n${items
    .map(
      (i) =>
        `<entry><title>${esc(i.title)}</title><id>${esc(i.link)}</id><link href="${esc(i.link)}"/><published>${i.date}</published><updated>${i.date}</updated></entry>`,
    )
    .join('\n')}\n</feed>\n`;
}

export function jsonFeed(title: string, items: Item[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((i) => ({ id: i.link, url: i.link, title: i.title, date_published: i.date })),
  });
}

/**
 * A route serving a feed with an ETag (a hash of its text) and a Last-Modified, answering 304
 * when either validator the client sends still holds.
 */
export function feedRoute(text: () => string, type: string, lastModified: string): Route {
  return (req, res) => {
    const body = text();
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const match = req.headers['if-none-match']
      ? req.headers['if-none-match'] === etag
      : req.headers['if-modified-since'] === lastModified;
    if (match) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, etag, 'last-modified': lastModified }).end(body);
  };
}
