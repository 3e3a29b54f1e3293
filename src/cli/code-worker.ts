import { parentPort } from 'node:worker_threads';
import { codeText } from '../code.js';
import { loadDictionaries } from '../dictionaries/index.js';
import type { CodeReply, CodeRequest } from './coder-thread.js';

// The coder's thread for `ingest`: articles in, records out, in the order asked.
const dictionaries = loadDictionaries();
const port = parentPort;
port?.on('message', ({ id, article }: CodeRequest) => {
  let reply: CodeReply;
  try {
    reply = { id, result: codeText(article, { dictionaries }) };
  } catch (err) {
    reply = { id, error: (err as Error).message };
  }
  port.postMessage(reply);
});
