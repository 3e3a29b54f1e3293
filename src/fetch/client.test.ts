import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, hugePage, startServer, type LocalServer } from '../../test/local-server.js';
import { HttpClient } from './client.js';
import type { HttpOptions } from './options.js';
import { isPermanent } from './outcome.js';

const html = (title: string) => `<html><head><title>${title}</title></head><body></body></html>`;
const isHtml = (t: string | null) => t === 'text/html';
const huge = { bytes: 0 };
const sized = { bytes: 0 };

let server: LocalServer;
let other: LocalServer;

/** Fast timings; each test raises or lowers what it is about. */
function client(over: Partial<HttpOptions> = {}) {
  return new HttpClient({
    timeoutMs: 5000,
    retries: 2,
    retryDelayMs: 50,
    ratePerHost: Infinity,
    ...over,
  });
}

beforeAll(async () => {
  server = await startServer({
    '/robots.txt': body('User-agent: *\nDisallow: /private/\n', 'text/plain'),
    '/page': body(html('Talks'), 'text/html; charset=utf-8'),
    '/latin1': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
      res.end(Buffer.from([0x3c, 0x70, 0x3e, 0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e])); // <p>München
    },
    '/meta-charset': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(Buffer.from('<meta charset="iso-8859-2"><p>\xb3', 'latin1')); // ł in Latin-2
    },
    '/feed': body('<rss/>', 'application/rss+xml', {
      etag: '"r1"',
      lastModified: 'Tue, 10 Jun 2025 08:00:00 GMT',
    }),
    '/gone': (_req, res) => void res.writeHead(404).end(),
    '/flaky': (_req, res, hit) =>
      void (hit < 3
        ? res.writeHead(500).end('oops')
        : res.writeHead(200, { 'content-type': 'text/html' }).end(html('Recovered'))),
    '/broken': (_req, res) => void res.writeHead(503).end(),
    '/silent': () => undefined,
    '/stalls': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>first words and then nothing');
    },
    '/report.pdf': body('%PDF-1.7', 'application/pdf'),
    '/huge': hugePage(30 * 1024 * 1024, huge),
    '/declared-huge': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(30 << 20) });
      res.write('<p>'.repeat(1000), () => (sized.bytes += 3000));
    },
    '/private/memo': body(html('Memo'), 'text/html'),
    '/moved': (_req, res) => void res.writeHead(301, { location: '/page' }).end(),
    '/to-private': (_req, res) => void res.writeHead(302, { location: '/private/memo' }).end(),
    '/loop': (_req, res) => void res.writeHead(302, { location: '/loop' }).end(),
    '/bad-redirect': (_req, res) => void res.writeHead(302, { location: 'http://[oops' }).end(),
  });
  other = await startServer(
    {
      '/robots.txt': body('User-agent: dragoman\nCrawl-delay: 0.3\n', 'text/plain'),
      '/a': body(html('A'), 'text/html'),
    },
    '127.0.0.2',
  );
});

afterAll(async () => {
  await server.close();
  await other.close();
});

describe('HttpClient', () => {
  it('gets a page with a clear User-Agent, decoding the charset it declares', async () => {
    const c = client();
    const r = await c.get(server.url('/page'));
    expect(r).toMatchObject({ kind: 'ok', status: 200, mediaType: 'text/html', attempts: 1 });
    expect(r.kind === 'ok' && r.text).toContain('<title>Talks</title>');
    expect(server.hits('/page')[0]?.headers['user-agent']).toMatch(/^dragoman\/\d+\.\d+\.\d+ \(/);
    const latin = await c.get(server.url('/latin1'));
    expect(latin.kind === 'ok' && latin.text).toBe('<p>München');
    const meta = await c.get(server.url('/meta-charset'));
    expect(meta.kind === 'ok' && meta.text).toMatch(/ł$/);
  });

  it('asks conditionally with the validators it is given, and reads a 304 as not modified', async () => {
    const c = client();
    const first = await c.get(server.url('/feed'));
    expect(first).toMatchObject({ kind: 'ok', etag: '"r1"' });
    const again = await c.get(server.url('/feed'), {
      etag: first.kind === 'ok' ? first.etag : null,
      lastModified: first.kind === 'ok' ? first.lastModified : null,
    });
    expect(again).toMatchObject({ kind: 'not-modified', status: 304 });
    const sent = server.hits('/feed').at(-1)?.headers;
    expect(sent?.['if-none-match']).toBe('"r1"');
    expect(sent?.['if-modified-since']).toBe('Tue, 10 Jun 2025 08:00:00 GMT');
  });

  it('does not retry a 4xx', async () => {
    const r = await client().get(server.url('/gone'));
    expect(r).toMatchObject({ kind: 'failed', reason: 'http', status: 404, attempts: 1 });
    expect(r.kind === 'failed' && r.message).toBe('HTTP 404 Not Found');
    expect(server.hits('/gone')).toHaveLength(1);
  });

  it('retries a 5xx with exponential backoff until it recovers', async () => {
    const r = await client({ retryDelayMs: 100 }).get(server.url('/flaky'));
    expect(r).toMatchObject({ kind: 'ok', attempts: 3 });
    const [a, b, c] = server.hits('/flaky').map((h) => h.at);
    expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(90);
    expect((c ?? 0) - (b ?? 0)).toBeGreaterThanOrEqual(190);
  });

  it('gives up on a 5xx after its retries, saying how many tries it made', async () => {
    const r = await client({ retries: 2 }).get(server.url('/broken'));
    expect(r).toMatchObject({ kind: 'failed', reason: 'http', status: 503, attempts: 3 });
    expect(r.kind === 'failed' && r.message).toBe('HTTP 503 Service Unavailable (3 tries)');
    expect(r.kind === 'failed' && isPermanent(r.reason)).toBe(false);
  });

  it('times out a server that does not answer, or stops sending, and retries it', async () => {
    const c = client({ timeoutMs: 150, retries: 1, retryDelayMs: 10 });
    const silent = await c.get(server.url('/silent'));
    expect(silent).toMatchObject({ kind: 'failed', reason: 'timeout', attempts: 2 });
    expect(silent.kind === 'failed' && silent.message).toBe('timed out after 0.15 s (2 tries)');
    const stalls = await c.get(server.url('/stalls'));
    expect(stalls).toMatchObject({ kind: 'failed', reason: 'timeout', attempts: 2 });
  });

  it('reports a refused connection as a network error', async () => {
    const closed = await startServer({});
    const url = closed.url('/x');
    await closed.close();
    const r = await client({ retries: 1, retryDelayMs: 10 }).get(url);
    expect(r).toMatchObject({ kind: 'failed', reason: 'network', attempts: 2 });
    expect(r.kind === 'failed' && r.message).toMatch(/ECONNREFUSED/);
  });

  it('refuses a body over the size limit without reading it all', async () => {
    const c = client();
    const r = await c.get(server.url('/huge'));
    expect(r).toMatchObject({ kind: 'failed', reason: 'too-large', attempts: 1 });
    expect(r.kind === 'failed' && r.message).toBe('larger than 10 MB, stopped reading');
    // The server stopped long before its 30 MB: the client hung up at the limit.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(huge.bytes).toBeLessThan(20 * 1024 * 1024);
    const declared = await c.get(server.url('/declared-huge'));
    expect(declared.kind === 'failed' && declared.message).toBe(
      'larger than 10 MB (Content-Length 30 MB), refused',
    );
    expect(server.hits('/huge')).toHaveLength(1);
  });

  it('refuses a type the caller cannot read before reading its body', async () => {
    const r = await client().get(server.url('/report.pdf'), {
      acceptType: isHtml,
      expected: 'an HTML page',
    });
    expect(r).toMatchObject({ kind: 'failed', reason: 'wrong-type', status: 200 });
    expect(r.kind === 'failed' && r.message).toBe('not an HTML page (application/pdf), skipped');
    expect(r.kind === 'failed' && isPermanent(r.reason)).toBe(true);
  });

  it('obeys robots.txt, fetched once per host, and on every redirect hop', async () => {
    const c = client();
    const before = server.hits('/robots.txt').length;
    const r = await c.get(server.url('/private/memo'));
    expect(r).toMatchObject({
      kind: 'failed',
      reason: 'robots',
      message: 'disallowed by robots.txt',
    });
    const hop = await c.get(server.url('/to-private'));
    expect(hop).toMatchObject({ kind: 'failed', reason: 'robots' });
    expect(server.hits('/private/memo')).toHaveLength(0);
    expect(server.hits('/robots.txt').length - before).toBe(1);
    const open = await client({ robots: false }).get(server.url('/private/memo'));
    expect(open.kind).toBe('ok');
  });

  it('follows redirects to where the body is, and stops a redirect loop', async () => {
    const c = client();
    expect(await c.get(server.url('/moved'))).toMatchObject({
      kind: 'ok',
      url: server.url('/page'),
    });
    expect(await c.get(server.url('/loop'))).toMatchObject({
      kind: 'failed',
      reason: 'redirects',
      message: 'more than 5 redirects',
    });
    expect(await c.get(server.url('/bad-redirect'))).toMatchObject({
      kind: 'failed',
      reason: 'redirects',
      message: 'bad redirect to "http://[oops"',
    });
  });

  it('spaces requests to a host by the rate limit and its Crawl-delay, hosts apart', async () => {
    const c = client({ ratePerHost: 5 });
    const started = Date.now();
    await Promise.all([c.get(server.url('/page')), c.get(server.url('/page'))]);
    await c.get(server.url('/page'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    const times = server
      .hits('/page')
      .slice(-3)
      .map((h) => h.at);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(180);
    // Another host's robots.txt asks for 0.3 s between requests.
    await c.get(other.url('/a'));
    await c.get(other.url('/a'));
    const [r, a1, a2] = other.requests.map((h) => h.at);
    expect(other.requests.map((h) => h.path)).toEqual(['/robots.txt', '/a', '/a']);
    expect((a1 ?? 0) - (r ?? 0)).toBeGreaterThanOrEqual(280);
    expect((a2 ?? 0) - (a1 ?? 0)).toBeGreaterThanOrEqual(280);
  });

  it('keeps off a host whose robots.txt fails, and says why', async () => {
    const down = await startServer({ '/robots.txt': (_q, res) => void res.writeHead(500).end() });
    const r = await client().get(down.url('/news'));
    await down.close();
    // A server error, retried like any other, and never taken as a ban for good.
    expect(r).toMatchObject({ kind: 'failed', reason: 'http', status: 500, attempts: 3 });
    expect(r.kind === 'failed' && r.message).toBe('robots.txt: HTTP 500 (3 tries)');
    expect(down.hits('/robots.txt')).toHaveLength(3);
    expect(down.hits('/news')).toHaveLength(0);
  });

  it('turns away what is not an http(s) URL', async () => {
    expect(await client().get('ftp://example.org/x')).toMatchObject({
      kind: 'failed',
      reason: 'bad-url',
    });
    expect(await client().get('not a url')).toMatchObject({ kind: 'failed', reason: 'bad-url' });
  });
});
