import type { Issue } from '../record.js';

/** A bad line as quoted back: short, whatever the file holds. */
function quoted(line: string): string {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}…` : line);
}

/**
 * The feed URLs of a list file: one a line, `#` starting a comment (whole-line or after the URL),
 * blank lines ignored, duplicates kept once. A line that is not an http(s) URL is an issue
 * naming the file and line.
 * @example parseFeedList('https://example.org/rss # world\n', 'feeds.txt').urls
 */
export function parseFeedList(text: string, file: string): { urls: string[]; issues: Issue[] } {
  const urls: string[] = [];
  const issues: Issue[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const where = `${file}:${i + 1}`;
    if (/\s/.test(line)) {
      issues.push({ code: 'bad-feed', message: `one feed URL a line, got ${quoted(line)}`, where });
      return;
    }
    let url: URL;
    try {
      url = new URL(line);
    } catch {
      issues.push({ code: 'bad-feed', message: `not a URL: ${quoted(line)}`, where });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      issues.push({ code: 'bad-feed', message: `not an http(s) URL: ${quoted(line)}`, where });
      return;
    }
    if (!urls.includes(url.href)) urls.push(url.href);
  });
  return { urls, issues };
}
