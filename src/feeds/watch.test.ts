import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  atom,
  FEED_FIXTURES,
  feedRoute,
  fixture,
  jsonFeed,
  rss,
} from '../../test/feed-builders.js';
import { body, hugePage, startServer, type LocalServer } from '../../test/local-server.js';
import { codeText } from '../code.js';
import { HttpClient } from '../fetch/client.js';
import { contentHash, openStore, type Store } from '../store/index.js';
import { runRound, type FeedSummary, type RoundContext } from './round.js';

const dir = mkdtempSync(join(tmpdir(), 'dragoman-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LAST_MODIFIED = 'Mon, 16 Jun 2025 08:00:00 GMT';
const html = (name: string) => readFileSync(join(FEED_FIXTURES, 'pages', `${name}.html`), 'utf8');
const PAGES = readdirSync(join(FEED_FIXTURES, 'pages')).map((f) => f.replace(/\.html$/, ''));

function context(store: Store, reports: string[], over: Partial<RoundContext> = {}): RoundContext {
  return {
    store,
    // 2 MB refuses the 30 MB page quickly on a busy machine (the client tests use 10 MB).
    http: new HttpClient({
      ratePerHost: Infinity,
      timeoutMs: 1000,
      retries: 1,
      retryDelayMs: 20,
      maxBytes: 2 * 1024 * 1024,
    }),
    code: (a) => codeText(a),
    report: (where, message) => reports.push(`${where}: ${message}`),
    stopping: () => false,
    groupSize: 100,
    giveUpAfter: 5,
    ...over,
  };
}

const counts = (s: FeedSummary) => ({
  outcome: s.outcome,
  status: s.status,
  entries: s.entries,
  added: s.added,
  seen: s.seen,
  skipped: s.skipped,
  failed: s.failed,
});

describe('watch: a round over RSS, Atom and JSON feeds, with every kind of trouble', () => {
  let server: LocalServer;
  let round = 1;
  const huge = { bytes: 0 };
  const db = join(dir, 'trouble.db');
  const feeds = ['world.rss', 'region.atom', 'briefs.json', 'broken.rss'];
  const feedUrl = (name: string) => server.url(`/feeds/${name}`);
  const pageUrl = (name: string) => server.url(`/world/${name}`);
  const first: { summaries: FeedSummary[]; reports: string[]; requests: number } = {
    summaries: [],
    reports: [],
    requests: 0,
  };

  beforeAll(async () => {
    const feed = (name: () => string, type: string) =>
      feedRoute(() => fixture(name(), server.origin), type, LAST_MODIFIED);
    server = await startServer({
      '/robots.txt': body('User-agent: *\nDisallow: /private/\n', 'text/plain'),
      '/feeds/world.rss': feed(
        () => (round === 1 ? 'world.rss' : 'world-2.rss'),
        'application/rss+xml',
      ),
      '/feeds/region.atom': feed(() => 'region.atom', 'application/atom+xml'),
      '/feeds/briefs.json': feed(() => 'briefs.json', 'application/feed+json'),
      '/feeds/broken.rss': feed(() => 'broken.rss', 'application/rss+xml'),
      ...Object.fromEntries(
        PAGES.map((p) => [`/world/${p}`, body(html(p), 'text/html; charset=utf-8')]),
      ),
      '/world/tokyo-seoul-call?utm_source=rss&utm_medium=feed': body(
        html('tokyo-seoul-call'),
        'text/html; charset=utf-8',
      ),
      '/world/istanbul-talks': (req, res, hit) =>
        hit === 1
          ? void res.writeHead(500).end()
          : body(html('istanbul-talks'), 'text/html')(req, res, hit),
      '/world/slow-story': () => undefined,
      '/world/summit-live': hugePage(30 * 1024 * 1024, huge),
      '/files/security-report.pdf': body('%PDF-1.7 not a page', 'application/pdf'),
      '/private/briefing': body(html('nairobi-talks'), 'text/html'),
    });
    const store = await openStore(db);
    first.summaries = await runRound(feeds.map(feedUrl), context(store, first.reports));
    first.requests = server.requests.length;
    await store.close();
  });

  afterAll(() => server.close());

  it('stores each new article once, skips what is not for it, and sums up every feed', () => {
    expect(first.summaries.map(counts)).toEqual([
      { outcome: 'fetched', status: 200, entries: 6, added: 3, seen: 0, skipped: 3, failed: 0 },
      { outcome: 'fetched', status: 200, entries: 3, added: 1, seen: 1, skipped: 0, failed: 1 },
      { outcome: 'fetched', status: 200, entries: 4, added: 3, seen: 0, skipped: 0, failed: 1 },
      { outcome: 'failed', status: 200, entries: 0, added: 0, seen: 0, skipped: 0, failed: 0 },
    ]);
  });

  it('reports each problem on one line naming the URL', () => {
    expect(first.reports.sort()).toEqual(
      [
        `${server.url('/files/security-report.pdf')}: not an HTML page (application/pdf), skipped`,
        `${server.url('/private/briefing')}: disallowed by robots.txt`,
        `${pageUrl('summit-live')}: larger than 2 MB, stopped reading`,
        `${pageUrl('removed-story')}: HTTP 404 Not Found`,
        `${pageUrl('slow-story')}: timed out after 1 s (2 tries)`,
        `${feedUrl('broken.rss')}: malformed XML at line 6, column 36: Expected closing tag 'title' (opened in line 6, col 7) instead of closing tag 'titel'.`,
      ].sort(),
    );
  });

  it('asks for each page as the rules say: shared entries once, 404s once, 5xx again', async () => {
    const hits = (path: string) => server.hits(path).length;
    expect(hits('/private/briefing')).toBe(0);
    expect(hits('/world/removed-story')).toBe(1);
    expect(hits('/world/istanbul-talks')).toBe(2);
    expect(
      hits('/world/tokyo-seoul-call') +
        hits('/world/tokyo-seoul-call?utm_source=rss&utm_medium=feed'),
    ).toBe(1);
    // The 30 MB page was cut off at the limit, not read to the end.
    expect(huge.bytes).toBeLessThan(20 * 1024 * 1024);
  });

  it('keeps the article metadata from the page, and the feed item where the page is silent', async () => {
    const store = await openStore(db);
    expect(await store.stats()).toMatchObject({ articles: 7 });
    expect(await store.article(pageUrl('minsk-sanctions'))).toMatchObject({
      title: 'EU imposes new sanctions on Belarus over detained activists',
      published: '2025-06-12',
      source: 'Daily Ledger',
      url: pageUrl('minsk-sanctions'),
    });
    const call = await store.article(pageUrl('tokyo-seoul-call'));
    expect(call).toMatchObject({ published: '2025-06-11', source: '127.0.0.1' });
    expect(call?.text).toMatch(
      /^By our Tokyo correspondent.*\n\nJapan's prime minister spoke by telephone/s,
    );
    expect(await store.article(`${feedUrl('briefs.json')}#briefs-2025-06-15-norway`)).toMatchObject(
      { published: '2025-06-15', title: 'Norway offers to mediate in Colombia' },
    );
    const events = await store.events({ actor: ['KEN'] });
    expect(events.map((e) => [e.source.code, e.target?.code, e.cameo])).toContainEqual([
      'KENGOV',
      'ETHGOV',
      '040',
    ]);
    expect(await store.events({ actor: ['TUR'] })).not.toHaveLength(0);
    expect(await store.feedState(feedUrl('region.atom'))).toMatchObject({
      lastStatus: 200,
      failures: 0,
      pending: [{ link: pageUrl('removed-story'), failures: 1 }],
    });
    expect(await store.feedState(feedUrl('broken.rss'))).toMatchObject({
      etag: null,
      failures: 1,
      lastError: expect.stringMatching(/^malformed XML/),
    });
    await store.close();
  });

  it('after a restart, fetches only the new entry and the failed ones, conditionally', async () => {
    round = 2;
    const reports: string[] = [];
    const store = await openStore(db);
    const summaries = await runRound(feeds.map(feedUrl), context(store, reports));
    expect(summaries.map(counts)).toEqual([
      { outcome: 'fetched', status: 200, entries: 7, added: 1, seen: 6, skipped: 0, failed: 0 },
      {
        outcome: 'not-modified',
        status: 304,
        entries: 1,
        added: 0,
        seen: 0,
        skipped: 0,
        failed: 1,
      },
      {
        outcome: 'not-modified',
        status: 304,
        entries: 1,
        added: 0,
        seen: 0,
        skipped: 0,
        failed: 1,
      },
      { outcome: 'failed', status: 200, entries: 0, added: 0, seen: 0, skipped: 0, failed: 0 },
    ]);
    const asked = server.requests.slice(first.requests);
    const pages = asked.filter((r) => !r.path.startsWith('/feeds/') && r.path !== '/robots.txt');
    expect(pages.map((r) => r.path)).toEqual([
      '/world/brasilia-energy',
      '/world/removed-story',
      '/world/slow-story',
      '/world/slow-story',
    ]);
    const feedAsks = asked.filter((r) => r.path.startsWith('/feeds/'));
    expect(feedAsks.map((r) => [r.path, Boolean(r.headers['if-none-match'])])).toEqual([
      ['/feeds/world.rss', true],
      ['/feeds/region.atom', true],
      ['/feeds/briefs.json', true],
      // Never read, so no validators to send.
      ['/feeds/broken.rss', false],
    ]);
    expect(await store.stats()).toMatchObject({ articles: 8 });
    expect((await store.feedState(feedUrl('region.atom')))?.pending).toMatchObject([
      { failures: 2 },
    ]);
    expect((await store.feedState(feedUrl('broken.rss')))?.failures).toBe(2);
    await store.close();
  });
});

describe('watch: a clean second round', () => {
  let server: LocalServer;
  const items = (names: string[]) =>
    names.map((n, i) => ({
      link: server.url(`/world/${n}`),
      title: n.replaceAll('-', ' '),
      date: `2025-06-1${i}T10:00:00Z`,
    }));

  beforeAll(async () => {
    server = await startServer({
      '/a.rss': feedRoute(
        () => rss('A', items(['nairobi-talks', 'minsk-sanctions'])),
        'application/rss+xml',
        LAST_MODIFIED,
      ),
      '/b.atom': feedRoute(
        () => atom('B', items(['sudan-aid', 'tokyo-seoul-call'])),
        'application/atom+xml',
        LAST_MODIFIED,
      ),
      '/c.json': feedRoute(
        () => jsonFeed('C', items(['warsaw-expulsions', 'nairobi-talks'])),
        'application/feed+json',
        LAST_MODIFIED,
      ),
      ...Object.fromEntries(PAGES.map((p) => [`/world/${p}`, body(html(p), 'text/html')])),
    });
  });
  afterAll(() => server.close());

  it('stores nothing new and makes only conditional requests for the feeds', async () => {
    const db = join(dir, 'clean.db');
    const urls = ['/a.rss', '/b.atom', '/c.json'].map((p) => server.url(p));
    const reports: string[] = [];
    let store = await openStore(db);
    const one = await runRound(urls, context(store, reports));
    expect(one.map((s) => [s.added, s.seen])).toEqual([
      [2, 0],
      [2, 0],
      [1, 1],
    ]);
    await store.close();
    const before = server.requests.length;
    store = await openStore(db);
    const two = await runRound(urls, context(store, reports));
    expect(reports).toEqual([]);
    expect(two.map((s) => [s.outcome, s.entries, s.added])).toEqual([
      ['not-modified', 0, 0],
      ['not-modified', 0, 0],
      ['not-modified', 0, 0],
    ]);
    const asked = server.requests.slice(before).filter((r) => r.path !== '/robots.txt');
    expect(asked.map((r) => r.path)).toEqual(['/a.rss', '/b.atom', '/c.json']);
    expect(asked.every((r) => r.headers['if-none-match'] && r.headers['if-modified-since'])).toBe(
      true,
    );
    expect(await store.stats()).toMatchObject({ articles: 5 });
    await store.close();
  });

  it('stops after the entry in hand when asked, and finishes the feed next round', async () => {
    const store = await openStore(join(dir, 'stop.db'));
    const url = server.url('/a.rss');
    let taken = 0;
    const stopped = await runRound(
      [url, server.url('/b.atom')],
      context(store, [], {
        progress: () => void taken++,
        stopping: () => taken >= 1,
      }),
    );
    expect(stopped.map((s) => [s.added, s.interrupted])).toEqual([[1, true]]);
    // No validators were kept, so the next round reads the feed whole.
    expect(await store.feedState(url)).toMatchObject({ etag: null, pending: [{}] });
    const next = await runRound([url], context(store, []));
    expect(next.map((s) => [s.outcome, s.added, s.seen])).toEqual([['fetched', 1, 1]]);
    await store.close();
  });

  it('reports an article the coder cannot take, and stores the others', async () => {
    const store = await openStore(join(dir, 'coder.db'));
    const reports: string[] = [];
    const [s] = await runRound(
      [server.url('/a.rss')],
      context(store, reports, {
        code: (a) => {
          if (a.id.endsWith('/minsk-sanctions')) throw new Error('no dictionary for this');
          return codeText(a);
        },
      }),
    );
    expect([s?.added, s?.failed]).toEqual([1, 1]);
    expect(reports).toEqual([
      `${server.url('/world/minsk-sanctions')}: could not be coded: no dictionary for this`,
    ]);
    expect((await store.feedState(server.url('/a.rss')))?.pending).toHaveLength(1);
    await store.close();
  });

  it('marks an article stored before a crash as seen, without storing it again', async () => {
    const store = await openStore(join(dir, 'crash.db'));
    // The page as a previous run stored it, cut off before its entry was marked seen.
    const url = server.url('/world/minsk-sanctions');
    const rounds = await runRound([server.url('/a.rss')], context(store, []));
    expect(rounds[0]?.added).toBe(2);
    const article = await store.article(url);
    expect(article).not.toBeNull();
    const fresh = await openStore(join(dir, 'crash-2.db'));
    const a = {
      id: url,
      text: article?.text ?? '',
      title: article?.title ?? null,
      published: article?.published ?? null,
      url,
      source: article?.source ?? null,
    };
    await fresh.putArticle({ article: a, records: [], contentHash: contentHash(a) });
    const after = await runRound([server.url('/a.rss')], context(fresh, []));
    expect(after.map((s) => [s.added, s.seen])).toEqual([[1, 1]]);
    expect(await fresh.stats()).toMatchObject({ articles: 2 });
    expect(await fresh.findSeen([{ kind: 'url', value: url }])).toMatchObject({ articleId: url });
    await store.close();
    await fresh.close();
  });
});
