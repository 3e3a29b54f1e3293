import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, root } from './dragoman.js';
import { afterAll, describe, expect, it } from 'vitest';
import { codeText } from '../src/code.js';
import { parseTextArticle } from '../src/ingest/text-file.js';
import type { Article } from '../src/record.js';
import { contentHash, openStore, type Store } from '../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'dragoman-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshDb = () => join(dir, `s${n++}.db`);

async function ingest(store: Store, articles: Article[]) {
  for (const article of articles)
    await store.putArticle({
      article,
      records: codeText(article).records,
      contentHash: contentHash(article),
    });
}

const fixture = (name: string) =>
  readFileSync(join(root, 'test/fixtures/store', name), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Article);

describe('story events from coded articles', () => {
  it('merges one meeting told three ways, and keeps another meeting and a possible one apart', async () => {
    const store = await openStore(freshDb());
    await ingest(store, fixture('same-meeting.jsonl'));
    const meetings = await store.events({ dyad: [['RUS'], ['SYR']], cameo: '04' });
    const byDay = meetings.map((e) => [e.date?.value, e.modality, e.numArticles, e.numSources]);
    expect(byDay).toEqual([
      ['2025-11-19', 'asserted', 1, 1],
      ['2025-10-20', 'possible', 1, 1],
      ['2025-10-15', 'asserted', 3, 3],
    ]);
    const [, , moscow] = meetings;
    expect(moscow?.articleIds).toEqual(['moscow-talks-1', 'moscow-talks-2', 'moscow-talks-3']);
    await store.close();
  });

  it('gives every record to exactly one story event', async () => {
    const store = await openStore(freshDb());
    const articles = fixture('same-meeting.jsonl');
    await ingest(store, articles);
    const mentions = await store.mentions({ limit: 1000 });
    const expected = articles.flatMap((a) => codeText(a).records.map((r) => r.id)).sort();
    expect(mentions.map((m) => m.record.id).sort()).toEqual(expected);
    const events = await store.events({ limit: 1000 });
    const linked = events.flatMap((e) => e.mentionIds).sort();
    expect(linked).toEqual(expected);
    await store.close();
  });
});

const seeds = join(root, '../shared/seeds');
const haveSeeds = existsSync(seeds);

/** A light rewrite made at run time, so that no seed sentence is copied into the project. */
function rewrite(text: string): string {
  const paragraphs = text.split(/\n\s*\n/);
  return paragraphs
    .slice(0, -1)
    .join('\n\n')
    .replace(
      'Russian President Vladimir Putin has hosted',
      "Vladimir Putin, Russia's president, hosted",
    )
    .replace(/\bsaid\b/g, 'stated');
}

describe.skipIf(!haveSeeds)('the seeds, twice, and a rewritten copy (needs ../shared)', () => {
  it('hold 3 articles in 2 stories, with the 2024-07-24 Putin–Assad visit one story event', async () => {
    const store = await openStore(freshDb());
    const files = readdirSync(seeds).sort();
    const articles = files.map((f) =>
      parseTextArticle(f.replace(/\.txt$/, ''), readFileSync(join(seeds, f), 'utf8')),
    );
    const original = articles.find((a) => a.id.startsWith('000_')) as Article;
    const copy = {
      ...original,
      id: 'rewritten-000',
      text: rewrite(original.text),
      source: 'Other Outlet',
    };
    await ingest(store, articles);
    await ingest(store, articles);
    await ingest(store, [copy]);
    expect(await store.stats()).toMatchObject({ articles: 3, stories: 2 });
    const visits = await store.events({
      dyad: [['RUS'], ['SYR']],
      from: '2024-07-24',
      to: '2024-07-24',
    });
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ modality: 'asserted', numArticles: 2, numSources: 2 });
    expect(visits[0]?.cameo.startsWith('04')).toBe(true);
    await store.close();
  });
});

describe('the bundled examples, twice, and a rewritten copy of one', () => {
  it('group into one story per example, the copy joining its original', async () => {
    const store = await openStore(freshDb());
    const examples = readdirSync(join(root, 'examples'))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) =>
        parseTextArticle(f.replace(/\.txt$/, ''), readFileSync(join(root, 'examples', f), 'utf8')),
      );
    await ingest(store, examples);
    await ingest(store, examples);
    const copy = fixture('rewritten-example.jsonl');
    await ingest(store, copy);
    const stories = await store.stories();
    expect(stories).toHaveLength(examples.length);
    const joined = stories.find((s) => s.articles.includes(copy[0]?.id as string));
    expect(joined?.articles).toEqual(['2024-03-14-gulf-talks', copy[0]?.id]);
    await store.close();
  });
});

/** 500 distinct articles made from the examples, with their own ids and dates. */
function manyArticles(path: string): number {
  const examples = readdirSync(join(root, 'examples'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) =>
      parseTextArticle(f.replace(/\.txt$/, ''), readFileSync(join(root, 'examples', f), 'utf8')),
    );
  const lines: string[] = [];
  for (let i = 0; i < 500; i++) {
    const base = examples[i % examples.length] as Article;
    const day = new Date(Date.UTC(2020, 0, 1 + i * 3)).toISOString().slice(0, 10);
    lines.push(
      JSON.stringify({ id: `crash-${i}`, published: day, text: `Report ${i}.\n\n${base.text}` }),
    );
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return lines.length;
}

function cli(args: string[]) {
  return [process.execPath, [...CLI, ...args]] as const;
}

async function countArticles(db: string): Promise<number> {
  if (!existsSync(db)) return 0;
  try {
    const store = await openStore(db, { readonly: true });
    const { articles } = await store.stats();
    await store.close();
    return articles;
  } catch {
    return 0;
  }
}

describe('a crash in the middle of ingest', () => {
  it('leaves whole articles only, and a re-run ends equal to a clean run', async () => {
    const input = join(dir, 'many.jsonl');
    const total = manyArticles(input);
    const clean = freshDb();
    const crashed = freshDb();
    const [node, args] = cli(['ingest', input, '--db', clean]);
    expect(spawnSync(node, args, { cwd: root, encoding: 'utf8' }).status).toBe(0);

    // Small commit groups, so that the kill lands between commits even on a fast machine.
    const [node2, args2] = cli(['ingest', input, '--db', crashed, '--commit-every', '10']);
    const child = spawn(node2, args2, { cwd: root, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    let seen = 0;
    while (seen < 40) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await countArticles(crashed);
    }
    child.kill('SIGKILL');
    await exited;
    const partial = await countArticles(crashed);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(total);

    expect(spawnSync(node2, args2, { cwd: root, encoding: 'utf8' }).status).toBe(0);
    const a = await openStore(clean, { readonly: true });
    const b = await openStore(crashed, { readonly: true });
    expect(await b.stats()).toEqual(await a.stats());
    expect((await b.stats()).articles).toBe(total);
    const shape = async (s: Store) =>
      (await s.events({ limit: 100_000 })).map((e) => [
        e.cameo,
        e.date?.value,
        e.numMentions,
        e.numArticles,
        e.mentionIds,
      ]);
    expect(await shape(b)).toEqual(await shape(a));
    await a.close();
    await b.close();
  }, 180_000);
});

describe('a 20 MB article', () => {
  it('is stored whole, coded slice by slice under the command heap bound, among short ones', async () => {
    const para =
      "Russian President Vladimir Putin hosted Syria's Bashar Assad in Moscow on Wednesday. Markets were calm.\n\n";
    const big = join(dir, 'big.txt');
    writeFileSync(big, ' date 2024-07-25\n' + para.repeat(Math.ceil(20e6 / para.length)));
    const db = freshDb();
    const [node, args] = cli(['ingest', big, join(root, 'examples'), '--db', db]);
    const r = spawnSync(node, args, { cwd: root, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/heap|internal error/i);
    expect(r.status).toBe(0);
    const store = await openStore(db, { readonly: true });
    const stored = await store.article('big');
    const examples = await store.article('2024-03-14-gulf-talks');
    const [visit] = await store.events({
      dyad: [['RUS'], ['SYR']],
      from: '2024-07-24',
      to: '2024-07-24',
    });
    await store.close();
    expect(stored?.text.length).toBeGreaterThan(19e6);
    expect(examples).not.toBeNull();
    expect(visit?.numMentions).toBe(Math.ceil(20e6 / para.length));
  }, 300_000);
});
