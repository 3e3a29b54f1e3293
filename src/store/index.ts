import { StoreOpenError } from './errors.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/open.js';
import type { Store } from './store.js';

export { contentHash } from './content-hash.js';
export { StoreOpenError, StoreQueryError } from './errors.js';
export type * from './store.js';
export type * from './feeds.js';
export { EventQuery } from './store.js';
export { withReadPool } from './sqlite/read-pool.js';

/** Where the store lives when no --db is given. */
export const DEFAULT_DB = 'dragoman.db';

/**
 * Opens the store at a location: a SQLite file path (PostgreSQL URLs come with that backend).
 * @example const store = await openStore('dragoman.db')
 */
export function openStore(location: string, options: SqliteStoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location))
    return Promise.reject(
      new StoreOpenError(
        'the PostgreSQL backend is not available yet; use a SQLite file path',
        location,
      ),
    );
  return openSqliteStore(location, options);
}
