import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { HttpClient } from '../fetch/client.js';
import { decodeBody } from '../fetch/body.js';
import { DEFAULT_HTTP } from '../fetch/options.js';
import type { Article, Issue } from '../record.js';
import { parseJsonlLine } from './jsonl.js';
import { fetchArticle, htmlFileArticle } from './page.js';
import { parseTextArticle } from './text-file.js';

/** What reading yields: an article to code, or a problem with one input. */
export type Input = { article: Article; where: string } | { issue: Issue };

const TEXT_EXT = new Set(['.txt', '.text', '.md', '']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const URL_PATH = /^https?:\/\//i;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file as UTF-8, refusing binary data and other encodings. */
function decode(buf: Buffer, where: string): { text: string } | { issue: Issue } {
  const sample = buf.subarray(0, 8192);
  if (sample.includes(0))
    return {
      issue: { code: 'binary', message: 'binary file (contains NUL bytes), skipped', where },
    };
  try {
    return { text: utf8.decode(buf) };
  } catch {
    return { issue: { code: 'not-utf8', message: 'not valid UTF-8 text, skipped', where } };
  }
}

async function* readJsonl(stream: Readable, where: string): AsyncGenerator<Input> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  let any = false;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    any = true;
    if (line.includes('\uFFFD')) {
      yield {
        issue: {
          code: 'not-utf8',
          message: 'line is not valid UTF-8, skipped',
          where: `${where}:${n}`,
        },
      };
      continue;
    }
    const r = parseJsonlLine(line, where, n);
    if ('issue' in r) yield r;
    else yield { article: r.article, where: `${where}:${n}` };
  }
  if (!any) yield { issue: { code: 'empty', message: 'empty input, nothing to code', where } };
}

async function* readFileInput(path: string): AsyncGenerator<Input> {
  const ext = extname(path).toLowerCase();
  if (JSONL_EXT.has(ext)) {
    const head = await readHead(path);
    if (head.includes(0)) {
      yield {
        issue: {
          code: 'binary',
          message: 'binary file (contains NUL bytes), skipped',
          where: path,
        },
      };
      return;
    }
    yield* readJsonl(createReadStream(path, { encoding: 'utf8' }), path);
    return;
  }
  if (HTML_EXT.has(ext)) {
    yield await readHtmlFile(path);
    return;
  }
  if (!TEXT_EXT.has(ext)) {
    yield {
      issue: {
        code: 'unsupported',
        message: `unsupported file type "${ext}" (expected .txt, .jsonl or .html), skipped`,
        where: path,
      },
    };
    return;
  }
  const decoded = decode(await readFile(path), path);
  if ('issue' in decoded) {
    yield decoded;
    return;
  }
  const article = parseTextArticle(basename(path, extname(path)), decoded.text);
  if (article.text.trim() === '') {
    yield { issue: { code: 'empty', message: 'empty file, nothing to code', where: path } };
    return;
  }
  yield { article, where: path };
}

async function readHtmlFile(path: string): Promise<Input> {
  // The page's DOM takes many times its size: the limit of fetched pages holds for files too.
  const limit = DEFAULT_HTTP.maxBytes;
  if ((await stat(path)).size > limit)
    return {
      issue: {
        code: 'too-large',
        message: `page over the ${limit / 1024 / 1024} MB size limit of pages, skipped`,
        where: path,
      },
    };
  const buf = await readFile(path);
  if (buf.subarray(0, 8192).includes(0))
    return {
      issue: { code: 'binary', message: 'binary file (contains NUL bytes), skipped', where: path },
    };
  const html = decodeBody(buf, null);
  if (html.trim() === '')
    return { issue: { code: 'empty', message: 'empty file, nothing to code', where: path } };
  let article: Article;
  try {
    article = htmlFileArticle(path, html);
  } catch (err) {
    return {
      issue: {
        code: 'unreadable',
        message: `the page could not be read (${(err as Error).message}), skipped`,
        where: path,
      },
    };
  }
  if (article.text.trim() === '')
    return { issue: { code: 'empty', message: 'no article text found in the page', where: path } };
  return { article, where: path };
}

/** A page on the web, through the polite client (robots.txt, rate limit, size limit). */
async function readUrl(url: string, http: HttpClient): Promise<Input> {
  const r = await fetchArticle(http, url);
  if ('failed' in r)
    return { issue: { code: r.failed.reason, message: r.failed.message, where: url } };
  if ('empty' in r) return { issue: { code: 'empty', message: r.empty, where: url } };
  return { article: r.article, where: url };
}

async function readHead(path: string): Promise<Buffer> {
  const stream = createReadStream(path, { start: 0, end: 8191 });
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (
      e.isFile() &&
      (TEXT_EXT.has(extname(e.name).toLowerCase()) ||
        JSONL_EXT.has(extname(e.name).toLowerCase()) ||
        HTML_EXT.has(extname(e.name).toLowerCase())) &&
      extname(e.name) !== ''
    )
      yield p;
  }
}

/**
 * Articles from paths: `.txt` files, `.jsonl` files (one article a line), `.html` pages,
 * folders read recursively, `http(s)://` URLs of article pages, and `-` for JSON Lines on
 * standard input. Problems are yielded, never thrown.
 * @example for await (const input of readInputs(['examples'])) ...
 */
export async function* readInputs(
  paths: readonly string[],
  stdin: Readable = process.stdin,
  http?: HttpClient,
): AsyncGenerator<Input> {
  let client = http;
  for (const p of paths) {
    if (URL_PATH.test(p)) {
      client ??= new HttpClient();
      yield await readUrl(p, client);
      continue;
    }
    if (p === '-') {
      yield* readJsonl(stdin, 'stdin');
      continue;
    }
    let info;
    try {
      info = await stat(p);
    } catch {
      yield { issue: { code: 'not-found', message: 'no such file or folder', where: p } };
      continue;
    }
    if (info.isDirectory()) {
      let any = false;
      for await (const f of walk(p)) {
        any = true;
        yield* readFileInput(f);
      }
      if (!any)
        yield {
          issue: { code: 'empty', message: 'folder has no .txt, .jsonl or .html files', where: p },
        };
    } else yield* readFileInput(p);
  }
}
