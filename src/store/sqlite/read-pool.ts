import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { StoreOpenError, StoreQueryError } from '../errors.js';
import type { Store } from '../store.js';

/** The Store methods that only read: any connection to the file can answer them. */
const READS = [
  'articleHash',
  'article',
  'events',
  'event',
  'mentions',
  'dyads',
  'timeline',
  'actorCounts',
  'stats',
  'stories',
] as const;
type Read = (typeof READS)[number];

export interface ReadRequest {
  id: number;
  method: Read;
  args: unknown[];
}

export interface ReadReply {
  id: number;
  value?: unknown;
  error?: { message: string; query?: string; params?: unknown[]; cause?: string | undefined };
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Reader {
  worker: Worker;
  /** Questions asked of this reader and not yet answered, by id. */
  pending: Map<number, Pending>;
}

/** The compiled worker, or under the test runner its TypeScript source, loaded through tsx. */
function newWorker(path: string): Worker {
  const js = new URL('./read-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData: { path } });
  const ts = JSON.stringify(new URL('./read-worker.ts', import.meta.url).href);
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${ts}); })`,
    { eval: true, workerData: { path } },
  );
}

function startReader(path: string): Promise<Reader> {
  const worker = newWorker(path);
  return new Promise((resolve, reject) => {
    const failed = (err: Error) =>
      reject(new StoreOpenError(`cannot open a reader of ${path}: ${err.message}`, path));
    worker.once('error', failed);
    worker.once('message', () => {
      worker.off('error', failed);
      resolve({ worker, pending: new Map() });
    });
  });
}

/**
 * The writer store with its queries answered by reader threads, each with its own read-only
 * connection: better-sqlite3 is synchronous, so one connection makes every request wait for
 * the one before it. Writes stay on the writer; WAL lets readers see each committed write.
 * @example const store = await withReadPool('dragoman.db', await openStore('dragoman.db'), 2)
 */
export async function withReadPool(path: string, writer: Store, readers: number): Promise<Store> {
  if (readers < 1) return writer;
  const started = await Promise.allSettled(
    Array.from({ length: readers }, () => startReader(path)),
  );
  const pool = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failure = started.find((r) => r.status === 'rejected');
  if (failure) {
    // Readers left running would keep the process alive after the error is reported.
    await Promise.all(pool.map((r) => r.worker.terminate()));
    throw failure.reason;
  }
  let next = 1;
  let closing = false;
  for (const reader of pool) {
    // A reader that dies fails its questions instead of leaving them unanswered.
    reader.worker.on('exit', (code) => {
      for (const p of reader.pending.values())
        p.reject(new Error(`a store reader stopped (exit code ${code})`));
      reader.pending.clear();
      if (!closing) pool.splice(pool.indexOf(reader), 1);
    });
    reader.worker.on('message', (reply: ReadReply) => {
      const w = reader.pending.get(reply.id);
      if (!w) return;
      reader.pending.delete(reply.id);
      if (!reply.error) return w.resolve(reply.value);
      const { message, query, params, cause } = reply.error;
      w.reject(
        query === undefined
          ? new Error(message)
          : new StoreQueryError(query, params ?? [], { cause: new Error(cause ?? message) }),
      );
    });
  }

  const ask = (method: Read, args: unknown[]) => {
    // The least busy reader takes the question; with none left, the writer answers.
    if (pool.length === 0)
      return (writer[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    const reader = pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = next++;
    return new Promise((resolve, reject) => {
      reader.pending.set(id, { resolve, reject });
      reader.worker.postMessage({ id, method, args } satisfies ReadRequest);
    });
  };
  const reads = Object.fromEntries(
    READS.map((m) => [m, (...args: unknown[]) => ask(m, args)]),
  ) as unknown as Pick<Store, Read>;
  return {
    ...reads,
    putArticle: (input) => writer.putArticle(input),
    putArticles: (inputs) => writer.putArticles(inputs),
    // Feed state is small and read just after it is written: the writer answers it.
    feedState: (url) => writer.feedState(url),
    saveFeedState: (state) => writer.saveFeedState(state),
    findSeen: (keys) => writer.findSeen(keys),
    markSeen: (entries) => writer.markSeen(entries),
    async close() {
      closing = true;
      await Promise.all(pool.map((r) => r.worker.terminate()));
      await writer.close();
    },
  };
}
