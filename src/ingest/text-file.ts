import type { Article } from '../record.js';

const DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*(?:\r?\n)?/i;
const HEADER = /^(date|title|source|url|published)\s*:\s*(.*)$/i;

/**
 * A plain-text article: a first line " date 2024-07-25" (the body may run on after the date on
 * the same line) or `Date:`/`Title:` header lines give its metadata; the rest is the body.
 * @example parseTextArticle('a1', ' date 2024-07-25 Putin met Assad.').published // '2024-07-25'
 */
export function parseTextArticle(id: string, raw: string): Article {
  let text = raw.replace(/^\uFEFF/, '');
  const article: Article = { id, text: '', published: null, title: null, url: null, source: null };
  const m = DATE_LINE.exec(text);
  if (m) {
    article.published = m[1] as string;
    text = text.slice(m[0].length);
  } else {
    // Header lines until the first blank or non-header line.
    let rest = text;
    for (;;) {
      const nl = rest.indexOf('\n');
      const line = (nl < 0 ? rest : rest.slice(0, nl)).replace(/\r$/, '');
      const h = HEADER.exec(line);
      if (!h) break;
      const key = (h[1] as string).toLowerCase();
      const value = (h[2] as string).trim();
      if ((key === 'date' || key === 'published') && /^\d{4}-\d{2}-\d{2}/.test(value))
        article.published = value.slice(0, 10);
      else if (key === 'title') article.title = value;
      else if (key === 'source') article.source = value;
      else if (key === 'url') article.url = value;
      rest = nl < 0 ? '' : rest.slice(nl + 1);
    }
    if (rest !== text) text = rest.replace(/^\s*\n/, '');
  }
  article.text = text;
  return article;
}
