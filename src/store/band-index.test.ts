import { describe, expect, it } from 'vitest';
import { BandIndex } from './band-index.js';
import { bandKeys, signature } from './minhash.js';

/** Files articles 1..n, article k under the bands `bandsOf(k)`. */
function filed(n: number, bandsOf: (k: number) => number[], perBand = 8, window = 1000) {
  const index = new BandIndex(perBand, window);
  for (let k = 1; k <= n; k++) index.add(k, bandsOf(k));
  return index;
}

describe('BandIndex', () => {
  it.each([
    {
      name: 'an article is found by any one of its bands',
      index: filed(3, (k) => [k * 10, k * 10 + 1]),
      ask: [21],
      found: [2],
    },
    {
      name: 'articles sharing a band come newest first, once each',
      index: filed(5, (k) => (k % 2 ? [7, 8] : [9])),
      ask: [7, 8, 9],
      found: [5, 4, 3, 2, 1],
    },
    {
      name: 'a band keeps only its newest few',
      index: filed(12, () => [42], 3),
      ask: [42],
      found: [12, 11, 10],
    },
    {
      name: 'band keys above 32 bits are told apart by their band number',
      index: filed(2, (k) => [k * 2 ** 32 + 5]),
      ask: [2 * 2 ** 32 + 5],
      found: [2],
    },
    {
      name: 'nothing shares a band that was never filed',
      index: filed(4, (k) => [k]),
      ask: [99],
      found: [],
    },
  ])('$name', ({ index, ask, found }) => {
    expect(index.newest(ask)).toEqual(found);
  });

  it('forgets articles two windows old and keeps the last window', () => {
    const index = filed(250, (k) => [k, 1_000_000], 1000, 100);
    expect(index.newest([1])).toEqual([]);
    expect(index.newest([100])).toEqual([]);
    expect(index.newest([101])).toEqual([101]);
    expect(index.newest([201])).toEqual([201]);
    expect(index.newest([250])).toEqual([250]);
    // The shared band holds the newest generation and the one before it.
    const shared = index.newest([1_000_000]);
    expect(shared[0]).toBe(250);
    expect(shared.at(-1)).toBe(101);
  });

  it('finds every article after growing its table many times', () => {
    const index = filed(5000, (k) => [k * 3, k * 3 + 1], 8, 10_000);
    const missing = [];
    for (let k = 1; k <= 5000; k++) if (index.newest([k * 3 + 1])[0] !== k) missing.push(k);
    expect(missing).toEqual([]);
    expect(index.last).toBe(5000);
  });

  it('finds a rewritten text through the bands of real signatures', () => {
    const text =
      'Russian President Vladimir Putin hosted Syrian President Bashar Assad in Moscow on Wednesday for talks on the war and on relations with Turkey, the Kremlin said.';
    const index = new BandIndex(8, 100);
    index.add(1, bandKeys(signature('Protesters marched through the capital on Sunday.')));
    index.add(2, bandKeys(signature(text)));
    const rewrite = text.replace('on Wednesday', 'on Wednesday evening');
    expect(index.newest(bandKeys(signature(rewrite)))).toContain(2);
    expect(index.newest(bandKeys(signature(rewrite)))).not.toContain(1);
  });
});
