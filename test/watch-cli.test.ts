import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, root } from './dragoman.js';
import { atom, FEED_FIXTURES, feedRoute, jsonFeed, rss } from './feed-builders.js';
import { body, startServer, type LocalServer } from './local-server.js';

const dir = mkdtempSync(join(tmpdir(), 'dragoman-watch-cli-'));
let server: LocalServer;

const page = (name: string) => readFileSync(join(FEED_FIXTURES, 'pages', `${name}.html`), 'utf8');
const LM = 'Mon, 16 Jun 2025 08:00:00 GMT';

/**
 * Runs the command line without blocking this process, which serves the feeds it reads.
 * `onOut` sees standard output as it comes, with the child to signal.
 */
function run(args: string[], onOut?: (out: string, child: ChildProcess) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [...CLI, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      onOut?.(stdout, child);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  const items = (names: string[]) =>
    names.map((n, i) => ({
      link: server.url(`/world/${n}`),
      title: n,
      date: `2025-06-1${i}T10:00:00Z`,
    }));
  server = await startServer({
    '/robots.txt': body('User-agent: *\nDisallow: /private/\n', 'text/plain'),
    '/world.rss': feedRoute(
      () => rss('World', items(['nairobi-talks', 'minsk-sanctions'])),
      'application/rss+xml',
      LM,
    ),
    '/region.atom': feedRoute(
      () => atom('Region', items(['sudan-aid'])),
      'application/atom+xml',
      LM,
    ),
    '/briefs.json': feedRoute(
      () => jsonFeed('Briefs', items(['warsaw-expulsions'])),
      'application/feed+json',
      LM,
    ),
    '/world/nairobi-talks': body(page('nairobi-talks'), 'text/html'),
    '/world/minsk-sanctions': body(page('minsk-sanctions'), 'text/html'),
    '/world/sudan-aid': body(page('sudan-aid'), 'text/html'),
    '/world/warsaw-expulsions': body(page('warsaw-expulsions'), 'text/html'),
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dragoman watch', () => {
  const db = join(dir, 'watch.db');
  const flags = ['--db', db, '--rate', '50', '--timeout', '5s', '--retries', '0'];

  it('does one round with --once: a line per feed, bad list lines named, exit 3', async () => {
    const list = join(dir, 'feeds.txt');
    writeFileSync(
      list,
      `# followed feeds\n${server.url('/world.rss')}\nnot-a-url\n${server.url('/region.atom')} # region desk\n${server.url('/briefs.json')}\n`,
    );
    const r = await run(['watch', '--feeds', list, '--once', ...flags]);
    expect(r.stderr).toContain(`${list}:3: not a URL: "not-a-url", skipped`);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        /\/world\.rss: 2 new, 0 seen, 0 skipped, 0 failed \(HTTP 200, \d+\.\ds\)$/,
      ),
      expect.stringMatching(/\/region\.atom: 1 new, 0 seen, 0 skipped, 0 failed \(HTTP 200, /),
      expect.stringMatching(/\/briefs\.json: 1 new, 0 seen, 0 skipped, 0 failed \(HTTP 200, /),
    ]);
    expect(r.stderr).toMatch(/round 1: 3 feeds, 4 new articles, \d+ mentions in .*: 4 articles/);
    expect(r.code).toBe(3);
  });

  it('asks again only conditionally, stores nothing new, and exits 0', async () => {
    const list = join(dir, 'clean.txt');
    writeFileSync(
      list,
      ['/world.rss', '/region.atom', '/briefs.json'].map((p) => server.url(p)).join('\n'),
    );
    const before = server.requests.length;
    const r = await run(['watch', '--feeds', list, '--once', ...flags]);
    expect(r.stdout).toMatch(
      /world\.rss: not modified, 0 new, 0 seen, 0 skipped, 0 failed \(HTTP 304/,
    );
    expect(r.stdout.match(/not modified/g)).toHaveLength(3);
    expect(r.code).toBe(0);
    const asked = server.requests.slice(before).filter((q) => q.path !== '/robots.txt');
    expect(asked.map((q) => [q.path, q.headers['if-none-match'] !== undefined])).toEqual([
      ['/world.rss', true],
      ['/region.atom', true],
      ['/briefs.json', true],
    ]);
    expect(asked.every((q) => /^dragoman\/\d/.test(q.headers['user-agent'] ?? ''))).toBe(true);
  });

  it('runs round after round until a signal, then stops at once and cleanly', async () => {
    const list = join(dir, 'one.txt');
    writeFileSync(list, server.url('/world.rss'));
    const started = Date.now();
    let signalled = false;
    const r = await run(['watch', '--feeds', list, '--every', '1h', ...flags], (out, child) => {
      if (!signalled && out.includes('world.rss')) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    expect(r.stderr).toMatch(/next round at \d\d:\d\d:\d\d/);
    expect(r.stderr).toContain('stopping after the article in hand');
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('refuses bad flags and lists with a one-line usage error', async () => {
    const list = join(dir, 'one.txt');
    const cases: [string[], RegExp][] = [
      [['--every', '15'], /--every expects a duration such as 90s, 15m or 1h30m, got "15"/],
      [['--every', '1s'], /--every must be at least 10s/],
      [['--rate', '0'], /--rate expects requests per second above 0/],
      [['--max-bytes', 'lots'], /--max-bytes expects a size such as 10MB/],
    ];
    for (const [extra, message] of cases) {
      const r = await run(['watch', '--feeds', list, '--once', '--db', db, ...extra]);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.code).toBe(2);
    }
    const missing = await run(['watch', '--feeds', join(dir, 'absent.txt'), '--once', '--db', db]);
    expect(missing.stderr).toMatch(/cannot read the feed list .*absent\.txt \(ENOENT\)/);
    expect(missing.code).toBe(2);
    const binary = join(dir, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0x0a, 0x41, 0x00]));
    const unreadable = await run(['watch', '--feeds', binary, '--once', '--db', db]);
    expect(unreadable.stderr.trim().split('\n')).toEqual([
      `dragoman: cannot read the feed list ${binary} (binary, or not UTF-8 text)`,
    ]);
    expect(unreadable.code).toBe(2);
    expect((await run(['watch', '--once', '--db', db])).code).toBe(2);
  });
});

describe('dragoman code on pages', () => {
  it('codes an article page by URL and a saved .html file, and names a URL that fails', async () => {
    const saved = join(dir, 'warsaw.html');
    writeFileSync(saved, page('warsaw-expulsions'));
    const url = server.url('/world/nairobi-talks');
    const r = await run(['code', url, saved, server.url('/world/missing')]);
    const records = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { articleId: string; source: { code: string }; cameo: string });
    expect(records.map((e) => [e.articleId, e.source.code, e.cameo])).toEqual(
      expect.arrayContaining([
        [url, 'KENGOV', '040'],
        ['warsaw', 'POL', '166'],
      ]),
    );
    expect(r.stderr).toContain(`${server.url('/world/missing')}: HTTP 404 Not Found`);
    expect(r.code).toBe(3);
  });
});
