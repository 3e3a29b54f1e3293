import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { codeText } from '../code.js';
import { startCoderThread } from './coder-thread.js';

const articles = [
  {
    id: 'visit',
    text: 'Russian President Vladimir Putin hosted Syrian President Bashar Assad in Moscow on Wednesday.',
    published: '2024-07-25',
  },
  { id: 'none', text: 'Brazil beat Argentina 2-1 on Sunday.', published: '2024-07-25' },
  {
    id: 'ties',
    text: 'Turkey cut diplomatic ties with Syria in 2011. Erdogan said Ankara could hold talks with Damascus.',
    published: '2024-07-25',
  },
];

describe('the coder thread', () => {
  it('gives each article the records the coder gives it here, whatever the order they finish in', async () => {
    const coder = startCoderThread();
    try {
      const results = await Promise.all(articles.map((a) => coder.code(a)));
      expect(results).toEqual(articles.map((a) => codeText(a)));
      expect(results[0]?.records.map((r) => r.cameo)).toContain('043');
      expect(coder.threaded).toBe(true);
    } finally {
      await coder.close();
    }
  });

  it('fails only the article that cannot be coded, not the others sent with it', async () => {
    const bad = { id: 'bad', text: null as unknown as string, published: '2024-07-25' };
    const coder = startCoderThread();
    try {
      const settled = await Promise.allSettled(
        [articles[0], bad, articles[2]].map((a) => coder.code(a as (typeof articles)[0])),
      );
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(settled[2]).toEqual({
        status: 'fulfilled',
        value: codeText(articles[2] as (typeof articles)[0]),
      });
    } finally {
      await coder.close();
    }
  });

  it('codes here what a thread that died had in hand, and everything after', async () => {
    const dying = () => new Worker('process.exit(3)', { eval: true });
    const coder = startCoderThread(dying);
    try {
      const first = await Promise.all(articles.map((a) => coder.code(a)));
      const later = await coder.code(articles[0] as (typeof articles)[0]);
      expect(first).toEqual(articles.map((a) => codeText(a)));
      expect(later).toEqual(codeText(articles[0] as (typeof articles)[0]));
      expect(coder.threaded).toBe(false);
    } finally {
      await coder.close();
    }
  });
});
