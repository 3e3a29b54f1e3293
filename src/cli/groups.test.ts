import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { groupsOf, type GroupLimits } from './groups.js';

/** A source of numbers; a negative number is a pause of that many milliseconds. */
async function* source(steps: number[]): AsyncGenerator<number> {
  for (const s of steps) {
    if (s < 0) await sleep(-s);
    else yield s;
  }
}

async function collect<T>(groups: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const g of groups) out.push(g);
  return out;
}

const limits = (over: Partial<GroupLimits>): GroupLimits => ({
  items: 100,
  weight: Infinity,
  waitMs: 10_000,
  ...over,
});

describe('groupsOf', () => {
  it.each<[string, number[], Partial<GroupLimits>, number[][]]>([
    ['nothing', [], {}, []],
    ['by count', [1, 2, 3, 4, 5, 6, 7], { items: 3 }, [[1, 2, 3], [4, 5, 6], [7]]],
    ['by weight', [2, 2, 2, 5, 1], { weight: 4 }, [[2, 2], [2], [5], [1]]],
    ['a heavy item alone', [9, 1], { weight: 4 }, [[9], [1]]],
    ['a slow source hands out what it has', [1, 2, -300, 3], { waitMs: 50 }, [[1, 2], [3]]],
    ['a short pause changes nothing', [1, 2, -20, 3], { waitMs: 2_000 }, [[1, 2, 3]]],
  ])('%s', async (_, steps, over, expected) => {
    expect(await collect(groupsOf(source(steps), limits(over), (n) => n))).toEqual(expected);
  });

  it('hands out what it gathered before the source failed, then the failure', async () => {
    async function* failing(): AsyncGenerator<number> {
      yield 1;
      yield 2;
      throw new Error('disk gone');
    }
    const seen: number[][] = [];
    await expect(
      (async () => {
        for await (const g of groupsOf(failing(), limits({}), () => 1)) seen.push(g);
      })(),
    ).rejects.toThrow('disk gone');
    expect(seen).toEqual([[1, 2]]);
  });

  it('stops the source when the caller stops early', async () => {
    let stopped = false;
    async function* endless(): AsyncGenerator<number> {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        stopped = true;
      }
    }
    for await (const g of groupsOf(endless(), limits({ items: 2 }), () => 1)) {
      expect(g).toEqual([0, 1]);
      break;
    }
    await sleep(5);
    expect(stopped).toBe(true);
  });
});
