import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** WAL pages after which the writer checkpoints by itself, should the thread fall behind. */
const BACKSTOP_PAGES = 100_000;
/** WAL pages after which a writer without the thread checkpoints: fewer, larger checkpoints. */
export const OWN_CHECKPOINT_PAGES = 10_000;

/**
 * The thread's code, evaluated rather than loaded from a file so that it runs the same
 * from dist and from the sources under test. It copies committed WAL pages into the
 * database whenever told that a transaction committed, one checkpoint at a time.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
let scheduled = false;
parentPort.on('message', () => {
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    db.pragma('wal_checkpoint(PASSIVE)');
  });
});
`;

/** Checkpoints a store's WAL on another thread, so that commits only append to the WAL. */
export interface Checkpointer {
  /** Says that a transaction committed. */
  committed(): void;
  close(): Promise<void>;
}

/**
 * Starts checkpointing the WAL of the writer's database on a thread of its own, and makes
 * the writer leave checkpoints to it. In-memory databases checkpoint nothing.
 * @example const cp = startCheckpointer(raw); ...; cp.committed(); ...; await cp.close()
 */
export function startCheckpointer(writer: Database.Database): Checkpointer {
  if (writer.memory) return { committed: () => undefined, close: () => Promise.resolve() };
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: {
      path: writer.name,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
    },
  });
  let alive = true;
  writer.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const fallBack = () => {
    // Without the thread, the writer checkpoints as SQLite does by default.
    if (alive && writer.open) writer.pragma(`wal_autocheckpoint = ${OWN_CHECKPOINT_PAGES}`);
    alive = false;
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  worker.unref();
  return {
    committed: () => {
      if (alive) worker.postMessage(0);
    },
    async close() {
      alive = false;
      await worker.terminate();
    },
  };
}
