// dragoman watch over a local feed of 200 article pages made from the project's own fixtures
// (example-article paragraphs and gold sentences): one --once round that reads, codes and
// stores them all, then a second --once round that must make only conditional requests.
// Usage: node bench/watch.js [--articles 200] [--rate 1000]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../dist/store/index.js';
import { fixtureText } from './fixture-text.js';
import { rng } from './random.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '200' },
    rate: { type: 'string', default: '1000' },
  },
});
const COUNT = Number(values.articles);
if (!(COUNT > 0)) {
  console.error('bench:watch: --articles expects a positive number');
  process.exit(2);
}

const esc = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Article pages: example paragraphs with gold sentences mixed in, each on its own day. */
function makeArticles() {
  const { paragraphs, sentences } = fixtureText();
  const rand = rng(7);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  return Array.from({ length: COUNT }, (_, n) => {
    const parts = [];
    for (let i = 0, k = 3 + Math.floor(rand() * 4); i < k; i++)
      parts.push(rand() < 0.5 ? pick(paragraphs) : [pick(sentences), pick(sentences)].join(' '));
    const day = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    return { n, day, title: `Bench report ${n}`, parts };
  });
}

function page(a) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${a.title} | Bench Gazette</title>
<link rel="canonical" href="/a/${a.n}"><meta property="og:site_name" content="Bench Gazette">
<meta property="article:published_time" content="${a.day}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${a.title}</h1>
${a.parts.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article><footer>Bench Gazette</footer></body></html>`;
}

function feed(origin, articles) {
  const items = articles
    .slice()
    .reverse()
    .map(
      (a) =>
        `<item><title>${a.title}</title><link>${origin}/a/${a.n}</link><guid>${origin}/a/${a.n}</guid>` +
        `<pubDate>${new Date(`${a.day}T08:00:00Z`).toUTCString()}</pubDate></item>`,
    );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Bench Gazette</title>\n${items.join('\n')}\n</channel></rss>\n`;
}

const articles = makeArticles();
const pages = new Map(articles.map((a) => [`/a/${a.n}`, page(a)]));
const counts = { feed200: 0, feed304: 0, feedConditional: 0, feedPlain: 0, pages: 0, robots: 0 };
const LAST_MODIFIED = 'Mon, 16 Jun 2025 08:00:00 GMT';
let feedText = '';
let etag = '';

const server = createServer((req, res) => {
  if (req.url === '/robots.txt') {
    counts.robots++;
    return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
  }
  if (req.url === '/feed.xml') {
    const conditional = Boolean(req.headers['if-none-match'] || req.headers['if-modified-since']);
    counts[conditional ? 'feedConditional' : 'feedPlain']++;
    if (req.headers['if-none-match'] === etag) {
      counts.feed304++;
      return res.writeHead(304, { etag }).end();
    }
    counts.feed200++;
    return res
      .writeHead(200, {
        'content-type': 'application/rss+xml',
        etag,
        'last-modified': LAST_MODIFIED,
      })
      .end(feedText);
  }
  const html = pages.get(req.url ?? '');
  if (html) {
    counts.pages++;
    return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;
feedText = feed(origin, articles);
etag = `"${createHash('sha1').update(feedText).digest('hex').slice(0, 16)}"`;

const dir = mkdtempSync(join(tmpdir(), 'dragoman-bench-watch-'));
const list = join(dir, 'feeds.txt');
const db = join(dir, 'watch.db');
writeFileSync(list, `# the bench feed\n${origin}/feed.xml\n`);

/** Runs `watch --once` in its own process, so that this one keeps serving. */
function watchOnce() {
  const args = ['dist/cli/main.js', 'watch', '--feeds', list, '--db', db, '--once'];
  const child = spawn(process.execPath, [...args, '--rate', values.rate], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const started = performance.now();
  return new Promise((resolve) =>
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 }),
    ),
  );
}

const snapshot = () => ({ ...counts });
const diff = (a, b) => Object.fromEntries(Object.keys(b).map((k) => [k, b[k] - a[k]]));

try {
  const before1 = snapshot();
  const one = await watchOnce();
  const round1 = diff(before1, snapshot());
  const before2 = snapshot();
  const two = await watchOnce();
  const round2 = diff(before2, snapshot());
  const store = await openStore(db, { readonly: true });
  const stats = await store.stats();
  await store.close();

  const roundTime = (stderr) => /mentions? in ([\d.]+)s/.exec(stderr)?.[1];
  console.log(`bench:watch: ${COUNT} article pages behind one RSS feed on ${origin}`);
  console.log(`round 1 (exit ${one.code}): ${one.stdout.trim()}`);
  console.log(
    `  ${one.seconds.toFixed(1)} s wall (process start included), ${roundTime(one.stderr) ?? '?'} s in the round: ` +
      `${(COUNT / one.seconds).toFixed(1)} articles/s wall, ` +
      `${(COUNT / Number(roundTime(one.stderr) ?? NaN)).toFixed(1)} articles/s in the round`,
  );
  console.log(`  requests: ${JSON.stringify(round1)}`);
  console.log(
    `  stored: ${stats.articles} articles (${stats.articles === COUNT ? 'all' : 'NOT all'} ${COUNT}), ` +
      `${stats.mentions} mentions in ${stats.events} story events`,
  );
  console.log(`round 2 (exit ${two.code}): ${two.stdout.trim()}`);
  console.log(`  requests: ${JSON.stringify(round2)}`);
  const onlyConditional =
    round2.pages === 0 && round2.feedPlain === 0 && round2.feedConditional === round2.feed304;
  console.log(
    `  ${onlyConditional ? 'only conditional requests (every feed answered 304, no page asked for)' : 'NOT only conditional requests'}`,
  );
  if (one.code !== 0 || two.code !== 0 || stats.articles !== COUNT || !onlyConditional) {
    console.error(one.stderr, two.stderr);
    process.exitCode = 1;
  }
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
