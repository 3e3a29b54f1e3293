import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { article, record } from '../contract.test-suite.js';
import { contentHash } from '../content-hash.js';
import { openSqliteStore } from './open.js';

const dir = mkdtempSync(join(tmpdir(), 'dragoman-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkpoint thread', () => {
  it('copies committed pages into the database file while the store stays open', async () => {
    const path = join(dir, 'store.db');
    const store = await openSqliteStore(path);
    const before = statSync(path).size;
    const inputs = Array.from({ length: 200 }, (_, i) => {
      const a = article(`a${i}`, { text: `${'word '.repeat(400)}${i}` });
      return {
        article: a,
        records: [record(String(i), { article: a.id })],
        contentHash: contentHash(a),
      };
    });
    await store.putArticles(inputs);
    // The writer leaves checkpoints to the thread: only the thread can grow the file now.
    let after = statSync(path).size;
    for (let i = 0; i < 100 && after === before; i++) {
      await sleep(20);
      after = statSync(path).size;
    }
    expect(after).toBeGreaterThan(before);
    expect((await store.stats()).articles).toBe(200);
    await store.close();
  });
});
