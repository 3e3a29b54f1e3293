import { Readability } from '@mozilla/readability';
import { dayOf } from './day.js';
import { blockText, parseDocument, type DomDocument, type DomNode } from './dom.js';
import { jsonLdArticleField, jsonLdBlocks } from './json-ld.js';

/** What a page says about itself, and its main text. */
export interface Page {
  /** Paragraphs of the main text, joined by blank lines; '' when none was found. */
  text: string;
  title: string | null;
  /** `<link rel=canonical>`, else og:url, made absolute; null when the page names none. */
  canonicalUrl: string | null;
  /** og:site_name, else the host without www. */
  outlet: string | null;
  /** YYYY-MM-DD. */
  published: string | null;
  /** Which metadata gave the date, most trusted first. */
  publishedFrom: 'meta' | 'json-ld' | 'time' | null;
}

function attr(doc: DomDocument, selector: string, name: string): string | null {
  const v = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return v ? v : null;
}

function meta(doc: DomDocument, key: string): string | null {
  return attr(doc, `meta[property="${key}"], meta[name="${key}"]`, 'content');
}

/** An http(s) URL, resolved against the page's own; null for anything else. */
function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** A canonical URL that names an article: some sites point every page at their home page. */
function articleUrl(url: string | null): string | null {
  if (!url) return null;
  const u = new URL(url);
  return u.pathname === '/' && !u.search ? null : url;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** The publication day by the order of trust: Open Graph article meta, JSON-LD, `<time>`. */
function publication(doc: DomDocument, ld: unknown[]): Pick<Page, 'published' | 'publishedFrom'> {
  const fromMeta = dayOf(meta(doc, 'article:published_time'));
  if (fromMeta) return { published: fromMeta, publishedFrom: 'meta' };
  const fromLd = dayOf(jsonLdArticleField(ld, 'datePublished'));
  if (fromLd) return { published: fromLd, publishedFrom: 'json-ld' };
  const time =
    attr(doc, 'time[itemprop="datePublished"][datetime], time[pubdate][datetime]', 'datetime') ??
    attr(doc, 'article time[datetime]', 'datetime') ??
    attr(doc, 'time[datetime]', 'datetime');
  const fromTime = dayOf(time);
  if (fromTime) return { published: fromTime, publishedFrom: 'time' };
  return { published: null, publishedFrom: null };
}

const same = (a: string, b: string) =>
  a.replace(/\W+/g, ' ').trim().toLowerCase() === b.replace(/\W+/g, ' ').trim().toLowerCase();

/**
 * The main text and metadata of an HTML page, by @mozilla/readability over linkedom. Pure:
 * `pageUrl` (where the page came from, if anywhere) only resolves relative links.
 * @example extractPage('<html>…</html>', 'https://news.example.org/a').published
 */
export function extractPage(html: string, pageUrl: string | null): Page {
  const doc = parseDocument(html);
  const ld = jsonLdBlocks(doc);
  const canonicalUrl =
    articleUrl(absolute(attr(doc, 'link[rel~="canonical"]', 'href'), pageUrl)) ??
    articleUrl(absolute(meta(doc, 'og:url'), pageUrl));
  const outlet = meta(doc, 'og:site_name') ?? hostOf(canonicalUrl ?? pageUrl);
  const date = publication(doc, ld);
  const headline = meta(doc, 'og:title') ?? jsonLdArticleField(ld, 'headline');
  // Readability changes the document: everything above is read first.
  const article = new Readability<DomNode>(doc as never, {
    serializer: (node) => node as unknown as DomNode,
  }).parse();
  const title = headline ?? (article?.title?.trim() || null) ?? (doc.title.trim() || null);
  let text = article?.content ? blockText(article.content) : '';
  // The headline repeated as the first paragraph would be coded twice.
  const first = text.split('\n\n', 1)[0] ?? '';
  if (title && first && same(first, title)) text = text.slice(first.length).replace(/^\n+/, '');
  return { text, title, canonicalUrl, outlet, ...date };
}

/**
 * The text of an HTML fragment (a feed entry's content), without readability's pruning.
 * @example htmlText('<p>One.</p><p>Two.</p>') // 'One.\n\nTwo.'
 */
export function htmlText(fragment: string): string {
  const doc = parseDocument(`<!doctype html><html><body>${fragment}</body></html>`);
  const body = doc.querySelector('body');
  return body ? blockText(body) : '';
}
