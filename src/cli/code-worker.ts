import { parentPort } from 'node:worker_threads';
import { codeText, codeTexts, GROUP_ARTICLES, GROUP_CHARS } from '../code.js';
import { loadDictionaries } from '../dictionaries/index.js';
import type { ArticleResult } from '../pipeline/index.js';
import type { CodeReply, CodeRequest } from './coder-thread.js';

// The coder's thread for `ingest`: articles in, records out, in the order asked.
const dictionaries = loadDictionaries();
const port = parentPort;
const queue: CodeRequest[] = [];
let draining = false;

/** One article alone, its failure its own reply. */
function codeOne({ id, article }: CodeRequest): CodeReply {
  try {
    return { id, result: codeText(article, { dictionaries }) };
  } catch (err) {
    return { id, error: (err as Error).message };
  }
}

/** Codes what has arrived, a group at a time (faster than one by one: see codeArticles). */
function drain(): void {
  let chars = 0;
  let n = 0;
  while (n < queue.length && n < GROUP_ARTICLES && chars <= GROUP_CHARS)
    chars += (queue[n++] as CodeRequest).article.text.length;
  const group = queue.splice(0, n);
  let replies: CodeReply[];
  try {
    const results = codeTexts(
      group.map((r) => r.article),
      { dictionaries },
    );
    replies = group.map((r, i) => ({ id: r.id, result: results[i] as ArticleResult }));
  } catch {
    // Which article failed is found by coding each alone; the others are still coded.
    replies = group.map(codeOne);
  }
  for (const reply of replies) port?.postMessage(reply);
  if (queue.length) setImmediate(drain);
  else draining = false;
}

port?.on('message', (request: CodeRequest) => {
  queue.push(request);
  // After the messages already waiting have been queued too.
  if (!draining) {
    draining = true;
    setImmediate(drain);
  }
});
