import { StoreOpenError, StoreQueryError } from './errors.js';
import type { Store } from './store.js';

/** The statement that failed last, as the driver's log reported it. */
export interface LastFailure {
  sql: string;
  params: readonly unknown[];
}

/**
 * A store whose methods fail with StoreQueryError (the SQL, its parameters, the driver's
 * error as cause) rather than whatever the driver threw.
 */
export function guard(store: Store, last: LastFailure): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (err) {
          if (err instanceof StoreQueryError || err instanceof StoreOpenError) throw err;
          throw new StoreQueryError(last.sql, last.params, { cause: err });
        }
      };
    },
  });
}
