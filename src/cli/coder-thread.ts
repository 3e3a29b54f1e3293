import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArticleResult } from '../pipeline/index.js';
import type { Article } from '../record.js';

export interface CodeRequest {
  id: number;
  article: Article;
}

export type CodeReply = { id: number; result: ArticleResult } | { id: number; error: string };

interface Pending {
  request: CodeRequest;
  resolve: (r: ArticleResult) => void;
  reject: (e: Error) => void;
}

/** Codes articles on a thread of its own, so that `ingest` stores one group while the next is coded. */
export interface CoderThread {
  code(article: Article): Promise<ArticleResult>;
  /** Whether the thread codes (false once it failed and the calling thread took over). */
  readonly threaded: boolean;
  close(): Promise<void>;
}

/** The compiled worker, or under the test runner its TypeScript source, loaded through tsx. */
function newWorker(): Worker {
  const js = new URL('./code-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js);
  const ts = JSON.stringify(new URL('./code-worker.ts', import.meta.url).href);
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${ts}); })`,
    { eval: true },
  );
}

/** Codes on the calling thread, loading the coder only then: the thread has its own. */
async function inThread({ article }: CodeRequest): Promise<ArticleResult> {
  const { codeText } = await import('../code.js');
  return codeText(article);
}

/**
 * Starts the coder's thread. Should the thread fail, what it had in hand and everything after
 * is coded on the calling thread instead, so no article is lost to it.
 * @example const coder = startCoderThread(); const { records } = await coder.code(article)
 */
export function startCoderThread(start: () => Worker = newWorker): CoderThread {
  const worker = start();
  const pending = new Map<number, Pending>();
  let next = 0;
  let failed = false;
  let closing = false;
  const fallBack = () => {
    if (failed || closing) return;
    failed = true;
    for (const p of pending.values()) inThread(p.request).then(p.resolve, p.reject);
    pending.clear();
  };
  worker.on('message', (m: CodeReply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if ('error' in m) p.reject(new Error(m.error));
    else p.resolve(m.result);
  });
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  return {
    code(article) {
      const request = { id: next++, article };
      if (failed) return inThread(request);
      return new Promise((resolve, reject) => {
        pending.set(request.id, { request, resolve, reject });
        worker.postMessage(request);
      });
    },
    get threaded() {
      return !failed;
    },
    async close() {
      closing = true;
      await worker.terminate();
    },
  };
}
