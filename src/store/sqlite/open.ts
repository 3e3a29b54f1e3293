import Database from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  SqliteDialect,
  type MigrationProvider,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import { StoreOpenError } from '../errors.js';
import { guard, type LastFailure } from '../guard.js';
import type { Database as Schema } from '../schema.js';
import { SqlStore, type ArticleWriter } from '../sql-store.js';
import { StoryWriter } from '../story-writer.js';
import type { ArticleInput, Store } from '../store.js';
import { sqliteDialect } from './dialect.js';
import { OWN_CHECKPOINT_PAGES, startCheckpointer, type Checkpointer } from './checkpointer.js';
import { migrations } from './migrations.js';
import { sqliteWritePorts } from './write-ports.js';

export interface SqliteStoreOptions {
  /** Only read: no migration, no writes (for queries on a store another process fills). */
  readonly?: boolean;
}

/**
 * The database as Kysely sees it, with each SQL text prepared once: Kysely prepares on every
 * call, and preparing was an eighth of ingest time.
 */
function cachedStatements(raw: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let s = statements.get(sql);
      if (!s) {
        if (statements.size > 500) statements.clear();
        s = raw.prepare(sql);
        statements.set(sql, s);
      }
      return s as unknown as SqliteStatement;
    },
  };
}

/** The story writer over raw statements, with its checkpoint thread, both started on first use. */
function articleWriter(raw: Database.Database): ArticleWriter {
  let writer: { story: StoryWriter; checkpointer: Checkpointer } | undefined;
  return {
    putArticles(inputs: ArticleInput[]) {
      writer ??= {
        story: new StoryWriter(sqliteWritePorts(raw)),
        checkpointer: startCheckpointer(raw),
      };
      const results = writer.story.putArticles(inputs);
      writer.checkpointer.committed();
      return results;
    },
    close: async () => writer?.checkpointer.close(),
  };
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/**
 * Opens (creating and migrating on first use) a SQLite store file in WAL mode.
 * @example const store = await openSqliteStore('dragoman.db')
 */
export async function openSqliteStore(
  path: string,
  options: SqliteStoreOptions = {},
): Promise<Store> {
  let raw: Database.Database;
  try {
    raw = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
    raw.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      raw.pragma('journal_mode = WAL');
      // WAL with NORMAL sync keeps every committed transaction across a process crash.
      raw.pragma('synchronous = NORMAL');
    }
    raw.pragma('foreign_keys = ON');
    // A grouped commit writes each page it touched once, if the pages stay in the cache.
    raw.pragma(`cache_size = ${options.readonly ? -65536 : -262144}`);
    // Savepoints journal every page they change; in memory that is a copy, not a file write.
    raw.pragma('temp_store = MEMORY');
    // Reads straight from the OS page cache instead of copying pages through read().
    raw.pragma('mmap_size = 8589934592');
    // Fewer, larger checkpoints: each one syncs the file.
    raw.pragma(`wal_autocheckpoint = ${OWN_CHECKPOINT_PAGES}`);
  } catch (err) {
    throw new StoreOpenError(`cannot open the store ${path}: ${(err as Error).message}`, path, {
      cause: err,
    });
  }
  const last: LastFailure = { sql: '', params: [] };
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: cachedStatements(raw) }),
    log: (event) => {
      if (event.level === 'error')
        [last.sql, last.params] = [event.query.sql, event.query.parameters];
    },
  });
  if (!options.readonly) {
    const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
    if (error) {
      await db.destroy();
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new StoreOpenError(
        `cannot migrate the store ${path}${failed ? ` (migration ${failed})` : ''}: ${(error as Error).message}`,
        path,
        { cause: error },
      );
    }
  }
  return guard(new SqlStore(db, sqliteDialect, articleWriter(raw)), last);
}
