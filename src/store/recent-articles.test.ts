import { describe, expect, it } from 'vitest';
import { text } from './contract.test-suite.js';
import { signature } from './minhash.js';
import { RecentArticles } from './recent-articles.js';

const story = (seed: number) => signature(text(seed, 80));
/** The text of `seed` with one word in `every` changed: a light rewrite. */
const rewrite = (seed: number, every = 12) =>
  signature(
    text(seed, 80)
      .split(' ')
      .map((w, i) => (i % every === 1 ? 'changed' : w))
      .join(' '),
  );

/** Articles 1..n, article k of story `storyOf(k)` with the text of seed `seedOf(k)`. */
function added(
  n: number,
  seedOf: (k: number) => number,
  storyOf: (k: number) => number = (k) => k,
  { perBand = 8, candidates = 50, window = 1000 } = {},
) {
  const recent = new RecentArticles(perBand, candidates, window);
  for (let k = 1; k <= n; k++) recent.add(k, story(seedOf(k)), storyOf(k));
  return recent;
}

describe('RecentArticles', () => {
  it.each([
    {
      name: 'a light rewrite finds the story of its original',
      recent: added(5, (k) => k * 10),
      ask: rewrite(30),
      story: 3,
    },
    {
      name: 'an unrelated text finds none',
      recent: added(5, (k) => k * 10),
      ask: story(999),
      story: null,
    },
    {
      name: 'of several copies, the newest story wins a tie',
      recent: added(6, (k) => (k % 2 ? 7 : 8)),
      ask: story(7),
      story: 5,
    },
    {
      name: 'the closer of two candidates wins',
      recent: (() => {
        const r = new RecentArticles(8, 50, 1000);
        r.add(1, story(4), 40);
        r.add(2, rewrite(4, 5), 41);
        return r;
      })(),
      ask: story(4),
      story: 40,
    },
    {
      name: 'at most `candidates` articles are compared, newest first',
      recent: added(
        4,
        (k) => (k === 1 ? 5 : 100 + k),
        (k) => k,
        { candidates: 0 },
      ),
      ask: story(5),
      story: null,
    },
  ])('$name', ({ recent, ask, story: expected }) => {
    expect(recent.nearest(ask)?.storyId ?? null).toBe(expected);
  });

  it('keeps only the newest few of a bucket: older copies are not met', () => {
    const recent = added(
      12,
      () => 6,
      (k) => k,
      { perBand: 3 },
    );
    expect(recent.nearest(story(6))?.storyId).toBe(12);
    for (const seq of [10, 11, 12]) recent.forget(seq);
    expect(recent.nearest(story(6))).toBeNull();
  });

  it('leaves out an article it was told to forget', () => {
    const recent = added(3, (k) => k);
    recent.forget(2);
    expect(recent.nearest(story(2))).toBeNull();
    expect(recent.nearest(story(3))?.storyId).toBe(3);
  });

  it('forgets articles two windows old and keeps the last window', () => {
    const recent = added(25, (k) => k, undefined, { window: 10 });
    const found = (k: number) => recent.nearest(story(k))?.storyId ?? null;
    expect([found(1), found(10)]).toEqual([null, null]);
    expect([found(11), found(20), found(21), found(25)]).toEqual([11, 20, 21, 25]);
    expect(recent.last).toBe(25);
  });

  it('finds every article after growing its tables many times', () => {
    const recent = added(
      600,
      (k) => k,
      (k) => k + 1000,
      { window: 10_000 },
    );
    const missing = [];
    for (let k = 1; k <= 600; k++)
      if (recent.nearest(story(k))?.storyId !== k + 1000) missing.push(k);
    expect(missing).toEqual([]);
  });
});
