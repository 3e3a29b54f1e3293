import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, dragoman, root } from './dragoman.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'dragoman-store-cli-'));
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const meetings = join(root, 'test/fixtures/store/same-meeting.jsonl');

describe('dragoman ingest and the query commands', () => {
  beforeAll(() => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      '{"id":"ok","text":"Putin met Erdogan in Sochi on Monday.","published":"2024-09-03"}\nnot json\n',
    );
    const r = dragoman(['ingest', meetings, bad, join(dir, 'missing.txt'), '--db', db]);
    expect(r.stderr).toMatch(/bad\.jsonl:2: /);
    expect(r.stderr).toMatch(/missing\.txt/);
    expect(r.stderr).toMatch(/6 added, 0 replaced, 0 unchanged, 2 inputs skipped/);
    // Some inputs could not be read: exit 3, the rest stored.
    expect(r.code).toBe(3);
  });

  it('is idempotent: a second ingest stores nothing new', () => {
    const r = dragoman(['ingest', meetings, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/0 added, 0 replaced, 5 unchanged/);
  });

  it('commits article by article when asked, with the same result', () => {
    const single = join(dir, 'single.db');
    const r = dragoman(['ingest', meetings, '--db', single, '--commit-every', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/5 added, 0 replaced, 0 unchanged; \d+ mentions stored/);
    expect(dragoman(['ingest', meetings, '--db', single, '--commit-every', '0']).code).toBe(2);
  });

  it('lists story events of a dyad named by person, as JSON Lines', () => {
    const r = dragoman([
      'events',
      '--db',
      db,
      '--dyad',
      'putin,SYR',
      '--modality',
      'asserted',
      '--format',
      'jsonl',
    ]);
    expect(r.code).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { numArticles: number; date: { value: string } });
    expect(events.map((e) => [e.date.value, e.numArticles])).toEqual([
      ['2025-11-19', 1],
      ['2025-10-15', 3],
    ]);
  });

  it('exports GDELT 2.0 rows of 61 tab-separated columns', () => {
    const r = dragoman(['export', '--db', db, '--format', 'gdelt', '--text', 'Kremlin']);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toHaveLength(61);
    const moscow = rows.find((row) => row[1] === '20251015');
    expect(moscow?.slice(26, 29)).toEqual(['040', '040', '04']);
    expect(moscow?.[33]).toBe('3');
  });

  it('draws a timeline and sums dyads as CSV', () => {
    const t = dragoman(['timeline', '--db', db, '--dyad', 'RUS,SYR', '--by', 'month']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/2025-10.*█/);
    const d = dragoman(['dyads', '--db', db, '--format', 'csv']);
    expect(d.stdout.split('\n')[0]).toBe(
      'pair,events,mentions,verbalCooperation,materialCooperation,verbalConflict,materialConflict,goldstein',
    );
    expect(d.stdout).toMatch(/^RUS-SYR,/m);
  });

  it('shows actors with dated roles and counts', () => {
    const r = dragoman(['actors', '--db', db, '--query', 'al-sharaa', '--format', 'jsonl']);
    const [a] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; roles: string[]; events: number });
    expect(a?.key).toBe('person:ahmed-al-sharaa');
    expect(a?.roles.join(' ')).toMatch(/SYR president 2025-01-29/);
    expect(a?.events).toBeGreaterThan(0);
  });

  it.each([
    [['events', '--db', db, '--dyad', 'RUS'], /--dyad expects two actors/],
    [
      ['events', '--db', db, '--actor', 'Nobody Atall'],
      /no country, organisation or person matches/,
    ],
    [['events', '--db', db, '--from', '2024-13-01'], /--from expects a date/],
    [['events', '--db', db, '--limit', '0'], /--limit expects a whole number/],
    [['timeline', '--db', db, '--by', 'hour'], /argument 'hour' is invalid/],
  ])('rejects a wrong flag with one line and exit 2: %s', (args, message) => {
    const r = dragoman(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('says so when the store does not exist, without creating it', () => {
    const r = dragoman(['events', '--db', join(dir, 'none.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot open the store .*none\.db/);
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  });

  it('serves the API on loopback, one log line a request, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [...CLI, 'serve', '--db', db, '--port', '0'], {
      cwd: root,
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    while (!/http:\/\/127\.0\.0\.1:\d+/.test(err)) await new Promise((r) => setTimeout(r, 50));
    const url = (err.match(/http:\/\/127\.0\.0\.1:\d+/) as RegExpMatchArray)[0];
    const health = (await (await fetch(`${url}/api/health`)).json()) as {
      status: string;
      articles: number;
    };
    expect(health).toMatchObject({ status: 'ok', articles: 6 });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(err).toMatch(/GET \/api\/health 200/);
    expect(err).toMatch(/stopped/);
  });
});
