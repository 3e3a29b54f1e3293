import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash } from '../content-hash.js';
import { record, runStoreTests } from '../contract.test-suite.js';
import { StoreOpenError, StoreQueryError } from '../errors.js';
import { windowOf } from '../merge.js';
import { encodeSignature, signature } from '../minhash.js';
import { migrations } from './migrations.js';
import type { Store } from '../store.js';
import { openSqliteStore } from './open.js';
import { withReadPool } from './read-pool.js';
import { StoryWriter } from '../story-writer.js';
import { sqliteWritePorts, windowEndYears } from './write-ports.js';

const dir = mkdtempSync(join(tmpdir(), 'dragoman-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `store-${n++}.db`);

runStoreTests('SQLite', () => openSqliteStore(fresh()));
runStoreTests('SQLite with reader threads', async () => {
  const path = fresh();
  return withReadPool(path, await openSqliteStore(path), 1);
});

/** A store at path built by the migrations up to `name` only, as an older version left it. */
async function migratedTo(path: string, name: string): Promise<Kysely<unknown>> {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(path) }) });
  const provider = { getMigrations: () => Promise.resolve(migrations) };
  const done = await new Migrator({ db, provider }).migrateTo(name);
  expect(done.error).toBeUndefined();
  return db;
}

/** FTS5's own check that the full-text index holds exactly the words of the articles table. */
function expectWordsIndexed(raw: Database.Database): void {
  expect(() =>
    raw
      .prepare(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`)
      .run(),
  ).not.toThrow();
}

describe('SQLite store file', () => {
  it('is created in WAL mode with its migrations recorded', async () => {
    const path = fresh();
    await (await openSqliteStore(path)).close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const applied = raw.prepare('select name from kysely_migration order by name').all();
    expect(applied).toEqual([
      { name: '0001-initial' },
      { name: '0002-feeds' },
      { name: '0003-signatures' },
      { name: '0004-fts-by-writer' },
      { name: '0005-merge-by-window-end' },
      { name: '0006-merge-by-year' },
      { name: '0007-fts-words-only' },
    ]);
    raw.close();
  });

  it('moves the signatures of a store from before 0003 and still finds its near duplicates', async () => {
    const path = fresh();
    const old = await migratedTo(path, '0002-feeds');
    const text =
      'Russian President Vladimir Putin hosted Syrian President Bashar Assad in Moscow on Wednesday for talks on the war in Syria, the Kremlin said.';
    const sig = signature(text);
    await sql`INSERT INTO stories (id, first_article, created_at) VALUES (7, 'old', '2024-07-25')`.execute(
      old,
    );
    await sql`INSERT INTO articles (seq, id, content_hash, signature, shingles, story_id, added_at, text)
      VALUES (1, 'old', 'h', ${encodeSignature(sig)}, ${sig.shingles}, 7, '2024-07-25', ${text})`.execute(
      old,
    );
    await old.destroy();
    const store = await openSqliteStore(path);
    const article = { id: 'copy', text: `${text} Both leaders spoke.`, published: '2024-07-25' };
    const [put] = await store.putArticles([
      { article, records: [], contentHash: contentHash(article) },
    ]);
    await store.close();
    expect(put?.storyId).toBe(7);
    const raw = new Database(path, { readonly: true });
    const moved = raw
      .prepare('SELECT article_seq, story_id, shingles FROM article_signatures')
      .all();
    const columns = raw.prepare("SELECT name FROM pragma_table_info('articles')").pluck().all();
    raw.close();
    expect(moved).toEqual([
      { article_seq: 1, story_id: 7, shingles: sig.shingles },
      { article_seq: 2, story_id: 7, shingles: expect.any(Number) },
    ]);
    expect(columns).not.toContain('signature');
  });

  it('takes the words of an article indexed before 0004 out of the index when it is replaced', async () => {
    const path = fresh();
    const old = await migratedTo(path, '0003-signatures');
    await sql`INSERT INTO stories (id, first_article, created_at) VALUES (1, 'a', '2024-07-25')`.execute(
      old,
    );
    // Indexed by the trigger of that schema.
    await sql`INSERT INTO articles (seq, id, content_hash, story_id, added_at, text)
      VALUES (1, 'a', 'h', 1, '2024-07-25', 'Grain exports from Sochi.')`.execute(old);
    await old.destroy();
    const store = await openSqliteStore(path);
    const matches = async (words: string) =>
      (await store.events({ text: words })).map((e) => e.articleIds);
    const article = { id: 'a', text: 'Drones over Kyiv.', published: '2024-07-25' };
    await store.putArticles([
      {
        article,
        records: [record('1', { article: 'a', cameo: '190', target: 'UKR' })],
        contentHash: contentHash(article),
      },
    ]);
    expect(await matches('kyiv')).toEqual([['a']]);
    expect(await matches('sochi')).toEqual([]);
    await store.close();
    const raw = new Database(path);
    expectWordsIndexed(raw);
    raw.close();
  });

  it('rebuilds the full-text index of a store from before 0007 with words only', async () => {
    const path = fresh();
    const old = await migratedTo(path, '0006-merge-by-year');
    await sql`INSERT INTO stories (id, first_article, created_at) VALUES (1, 'a', '2024-07-25')`.execute(
      old,
    );
    // Indexed as the writer of that schema did, positions and all.
    await sql`INSERT INTO articles (seq, id, content_hash, story_id, added_at, title, text)
      VALUES (1, 'a', 'h', 1, '2024-07-25', 'Grain deal', 'Grain exports from Sochi.')`.execute(
      old,
    );
    await sql`INSERT INTO articles_fts (rowid, title, text)
      VALUES (1, 'Grain deal', 'Grain exports from Sochi.')`.execute(old);
    await old.destroy();
    const store = await openSqliteStore(path);
    const raw = new Database(path);
    const words = (match: string) =>
      raw.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?').pluck().all(match);
    expect(words('"sochi" "deal"')).toEqual([1]);
    const article = { id: 'a', text: 'Drones over Kyiv.', published: '2024-07-25' };
    await store.putArticles([{ article, records: [], contentHash: contentHash(article) }]);
    await store.close();
    expect(words('"sochi"')).toEqual([]);
    expect(words('"kyiv"')).toEqual([1]);
    const table = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").pluck();
    expect(table.get()).toMatch(/detail=none/);
    expectWordsIndexed(raw);
    raw.close();
  });

  it('finds near duplicates another writer stored since it last wrote', async () => {
    const path = fresh();
    const [a, b] = [await openSqliteStore(path), await openSqliteStore(path)];
    const put = async (store: Store, id: string, text: string) => {
      const article = { id, text, published: '2024-07-25' };
      const [r] = await store.putArticles([
        { article, records: [], contentHash: contentHash(article) },
      ]);
      return r?.storyId;
    };
    const story =
      'Turkish, Syrian and Russian defence ministers met in Moscow on Wednesday, the first such meeting in eleven years, the Turkish defence ministry said.';
    const first = await put(
      b,
      'other',
      'Protesters marched through the capital on Sunday against new taxes.',
    );
    const original = await put(a, 'original', story);
    const copy = await put(b, 'copy', `${story} The talks were described as constructive.`);
    await Promise.all([a.close(), b.close()]);
    expect(copy).toBe(original);
    expect(first).not.toBe(original);
  });

  it("keeps each story event's day and window as its best date gives them, merge after merge", async () => {
    const path = fresh();
    const store = await openSqliteStore(path);
    // One article at a time, so that every merge updates a stored row.
    const steps: [string, string, 'text' | 'published'][] = [
      // RUS–SYR: a publication date, then a date from the text moves the day and the window.
      ['RUSGOV', '2024-07-24', 'published'],
      ['RUSGOV', '2024-07-23', 'text'],
      // Neither moves: the row is updated in place.
      ['RUSGOV', '2024-07-23', 'text'],
      ['RUSGOV', '2024-07', 'text'],
      // TUR–SYR: the same day from the text narrows the window but keeps the day.
      ['TURGOV', '2024-07-24', 'published'],
      ['TURGOV', '2024-07-24', 'text'],
    ];
    let n = 0;
    for (const [source, date, basis] of steps) {
      const article = { id: `w${n}`, text: `Report ${n}.`, published: '2024-07-25' };
      const r = record(String(n++), { article: article.id, source, date, basis });
      await store.putArticles([{ article, records: [r], contentHash: contentHash(article) }]);
    }
    await store.close();
    const raw = new Database(path, { readonly: true });
    const rows = raw
      .prepare('SELECT src_code, day, win_start, win_end, num_mentions FROM events ORDER BY id')
      .all();
    const integrity = raw.pragma('integrity_check', { simple: true });
    raw.close();
    const window = (value: string) => windowOf({ value, precision: 'day', basis: 'text' }, '');
    expect(rows).toEqual([
      {
        src_code: 'RUSGOV',
        day: '2024-07-23',
        win_start: window('2024-07-23')?.start,
        win_end: window('2024-07-23')?.end,
        num_mentions: 4,
      },
      {
        src_code: 'TURGOV',
        day: '2024-07-24',
        win_start: window('2024-07-24')?.start,
        win_end: window('2024-07-24')?.end,
        num_mentions: 2,
      },
    ]);
    // The indexes agree with the rows they index.
    expect(integrity).toBe('ok');
  });

  it('merges new reports into story events stored before 0006, across the turn of a year', async () => {
    const path = fresh();
    await (await migratedTo(path, '0005-merge-by-window-end')).destroy();
    // [source, date and basis of the stored report, date and basis of the new one]
    const cases: [string, string, 'text' | 'published', string, 'text' | 'published'][] = [
      // Stored window 2023-12-29 to 2024-01-01: it ends in the year after the new one starts.
      ['RUSGOV', '2024-01-01', 'published', '2023-12-30', 'text'],
      ['TURGOV', '2023-12-31', 'published', '2024-01-01', 'published'],
      ['IRNGOV', '2023', 'text', '2023-11-05', 'text'],
      ['USAGOV', '2023-06-01', 'text', '2024-06-01', 'text'],
    ];
    const put = (n: number, source: string, date: string, basis: 'text' | 'published') => {
      const article = { id: `y${n}`, text: `Report ${n} from ${source}.`, published: '2024-01-02' };
      const r = record(String(n), { article: article.id, source, date, basis });
      return { article, records: [r], contentHash: contentHash(article) };
    };
    // The first reports stored as a build of schema 0005 stored them.
    const raw0005 = new Database(path);
    new StoryWriter(sqliteWritePorts(raw0005)).putArticles(
      cases.map(([source, date, basis], i) => put(i, source, date, basis)),
    );
    raw0005.close();
    const store = await openSqliteStore(path);
    for (const [i, [source, , , date, basis]] of cases.entries())
      await store.putArticles([put(10 + i, source, date, basis)]);
    await store.close();
    const raw = new Database(path, { readonly: true });
    const rows = raw.prepare('SELECT src_code, num_mentions FROM events ORDER BY id').all();
    const integrity = raw.pragma('integrity_check', { simple: true });
    raw.close();
    expect(rows).toEqual([
      { src_code: 'RUSGOV', num_mentions: 2 },
      { src_code: 'TURGOV', num_mentions: 2 },
      { src_code: 'IRNGOV', num_mentions: 2 },
      { src_code: 'USAGOV', num_mentions: 1 },
      { src_code: 'USAGOV', num_mentions: 1 },
    ]);
    expect(integrity).toBe('ok');
  });

  it('looks merge candidates up under every year a window end can fall in, to the latest stored', () => {
    const cases: [string, string, number, string[]][] = [
      ['2024-03-01', '2024-12-31', 2024, ['2024']],
      ['2023-12-30', '2025-01-02', 2030, ['2023', '2024', '2025']],
      ['2023-12-30', '2025-01-02', 2024, ['2023', '2024']],
      ['2024-03-01', '2025-03-02', 2023, []],
      ['2024-03-01', '2025-03-02', 0, []],
      ['0999-12-31', '1000-01-01', 2024, ['0999', '1000']],
    ];
    for (const [from, to, latest, expected] of cases)
      expect(windowEndYears(from, to, latest)).toEqual(expected);
  });

  it('leaves every reference whole when articles are replaced', async () => {
    const path = fresh();
    const store = await openSqliteStore(path);
    // [article, text, source of its record]: b and a are replaced, a's events left empty.
    const steps: [string, string, string][] = [
      ['a', 'Troops crossed the border.', 'RUSGOV'],
      ['b', 'Talks began in Doha.', 'TURGOV'],
      ['c', 'Talks went on in Doha.', 'TURGOV'],
      ['b', 'Talks began in Doha on Monday.', 'IRNGOV'],
      ['a', 'Troops crossed the border again.', 'USAGOV'],
    ];
    for (const [n, [id, text, source]] of steps.entries()) {
      const article = { id, text, published: '2024-07-25' };
      const r = record(String(n), { article: id, source });
      await store.putArticles([{ article, records: [r], contentHash: contentHash(article) }]);
    }
    await store.close();
    const raw = new Database(path);
    const broken = raw.pragma('foreign_key_check');
    const counts = raw
      .prepare(
        `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,
           (SELECT count(*) FROM event_tallies) AS tallies, (SELECT count(*) FROM mentions) AS mentions`,
      )
      .get();
    raw.close();
    expect(broken).toEqual([]);
    expect(counts).toEqual({ articles: 3, events: 3, tallies: 0, mentions: 3 });
  });

  it('checks foreign keys again once a write is over, and through a failed one', async () => {
    const path = fresh();
    await (await openSqliteStore(path)).close();
    const raw = new Database(path);
    raw.pragma('foreign_keys = ON');
    const ports = sqliteWritePorts(raw);
    const inside = ports.transaction(() => raw.pragma('foreign_keys', { simple: true }));
    expect(() =>
      ports.transaction(() => {
        throw new Error('failed');
      }),
    ).toThrow('failed');
    expect([inside, raw.pragma('foreign_keys', { simple: true })]).toEqual([0, 1]);
    raw.close();
  });

  it('refuses a store written by a newer version instead of changing it silently', async () => {
    const path = fresh();
    await (await openSqliteStore(path)).close();
    const raw = new Database(path);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('9999-future', 'x')").run();
    raw.close();
    await expect(openSqliteStore(path)).rejects.toThrow(StoreOpenError);
  });

  it('says which file it cannot open', async () => {
    await expect(openSqliteStore(join(dir, 'no/such/dir/x.db'))).rejects.toThrow(/no\/such\/dir/);
    await expect(openSqliteStore(join(dir, 'absent.db'), { readonly: true })).rejects.toThrow(
      StoreOpenError,
    );
  });

  it('reports a failed query with its SQL, not the bare driver error', async () => {
    const path = fresh();
    const store = await openSqliteStore(path);
    const raw = new Database(path);
    raw.exec('DROP TABLE event_actors');
    raw.close();
    const failure = await store.events({ actor: ['RUS'] }).catch((e: unknown) => e);
    await store.close();
    expect(failure).toBeInstanceOf(StoreQueryError);
    expect((failure as StoreQueryError).query).toMatch(/from "event_actors"/);
    expect((failure as StoreQueryError).params).toContain('RUS');
  });
});
