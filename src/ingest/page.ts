import { basename, extname } from 'node:path';
import type { HttpClient } from '../fetch/client.js';
import type { FetchOutcome } from '../fetch/outcome.js';
import type { Article } from '../record.js';
import { extractPage, type Page } from './html.js';

/** Media types read as pages; a missing Content-Type is given the benefit of the doubt. */
export function isHtmlType(mediaType: string | null): boolean {
  return mediaType === null || mediaType === 'text/html' || mediaType === 'application/xhtml+xml';
}

const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';

/** What the feed or the caller knows of a page before reading it, used when the page is silent. */
export interface PageHints {
  title?: string | null;
  published?: string | null;
}

/**
 * The article of a page: its canonical URL is its id (else the URL it came from), the outlet its
 * source; the hints fill a title or date the page lacks.
 * @example pageArticle(extractPage(html, url), url)
 */
export function pageArticle(page: Page, url: string, hints: PageHints = {}): Article {
  const id = page.canonicalUrl ?? url;
  return {
    id,
    text: page.text,
    published: page.published ?? hints.published ?? null,
    title: page.title ?? hints.title ?? null,
    url: id,
    source: page.outlet,
  };
}

/** An article read from a page, or why there is none (the fetch failure as it came). */
export type PageResult =
  | { article: Article; page: Page; finalUrl: string }
  | { failed: Extract<FetchOutcome, { kind: 'failed' }> }
  | { empty: string };

/**
 * Fetches a page and extracts its article; a failure or an empty page is returned, not thrown.
 * @example const r = await fetchArticle(new HttpClient(), 'https://news.example.org/a')
 */
export async function fetchArticle(
  http: HttpClient,
  url: string,
  hints: PageHints = {},
): Promise<PageResult> {
  const r = await http.get(url, {
    accept: PAGE_ACCEPT,
    acceptType: isHtmlType,
    expected: 'an HTML page',
  });
  if (r.kind === 'failed') return { failed: r };
  if (r.kind === 'not-modified') return { empty: 'not modified (304) without a copy to reuse' };
  let page: Page;
  try {
    page = extractPage(r.text, r.url);
  } catch (err) {
    return { empty: `the page could not be read (${(err as Error).message})` };
  }
  if (page.text.trim() === '') return { empty: 'no article text found in the page' };
  return { article: pageArticle(page, r.url, hints), page, finalUrl: r.url };
}

/**
 * The article of a saved HTML file: named by the file, like a text file, with the page's own
 * canonical URL, outlet, title and date.
 * @example htmlFileArticle('pages/talks.html', html)
 */
export function htmlFileArticle(path: string, html: string): Article {
  const page = extractPage(html, null);
  return {
    id: basename(path, extname(path)),
    text: page.text,
    published: page.published,
    title: page.title,
    url: page.canonicalUrl,
    source: page.outlet,
  };
}
