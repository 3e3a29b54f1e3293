import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStoreTests } from '../contract.test-suite.js';
import { StoreOpenError, StoreQueryError } from '../errors.js';
import { openSqliteStore } from './open.js';
import { withReadPool } from './read-pool.js';

const dir = mkdtempSync(join(tmpdir(), 'dragoman-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `store-${n++}.db`);

runStoreTests('SQLite', () => openSqliteStore(fresh()));
runStoreTests('SQLite with reader threads', async () => {
  const path = fresh();
  return withReadPool(path, await openSqliteStore(path), 1);
});

describe('SQLite store file', () => {
  it('is created in WAL mode with its migrations recorded', async () => {
    const path = fresh();
    await (await openSqliteStore(path)).close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const applied = raw.prepare('select name from kysely_migration order by name').all();
    expect(applied).toEqual([{ name: '0001-initial' }, { name: '0002-feeds' }]);
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
