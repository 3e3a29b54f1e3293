// One reader of a read pool: a read-only connection answering the queries posted to it.
import { parentPort, workerData } from 'node:worker_threads';
import { StoreQueryError } from '../errors.js';
import { openSqliteStore } from './open.js';
import type { ReadReply, ReadRequest } from './read-pool.js';

const port = parentPort;
if (!port) throw new Error('read-worker runs only as a worker thread');
const store = await openSqliteStore((workerData as { path: string }).path, { readonly: true });

port.on('message', (req: ReadRequest) => {
  const method = store[req.method] as (...args: unknown[]) => Promise<unknown>;
  method.apply(store, req.args).then(
    (value) => port.postMessage({ id: req.id, value } satisfies ReadReply),
    (err: unknown) => {
      const e = err as Error;
      port.postMessage({
        id: req.id,
        error: {
          message: e.message,
          ...(err instanceof StoreQueryError
            ? {
                query: err.query,
                params: [...err.params],
                cause: (err.cause as Error | undefined)?.message,
              }
            : {}),
        },
      } satisfies ReadReply);
    },
  );
});
port.postMessage({ id: 0, value: 'ready' } satisfies ReadReply);
