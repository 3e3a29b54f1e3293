/**
 * The LSH buckets of the newest articles, in memory. Written here because what it needs
 * (newest few per bucket, a bounded window, flat typed arrays) is no package's shape, and a
 * bucket table in the database cost more than a third of the time an article took to store.
 */

/** A hash table of (band key fingerprint → article seq) slots, open addressing, no deletes. */
class Generation {
  keys: Uint32Array;
  seqs: Int32Array;
  entries = 0;
  articles = 0;

  constructor(slots: number) {
    this.keys = new Uint32Array(slots);
    // 0 marks an empty slot: article seqs start at 1.
    this.seqs = new Int32Array(slots);
  }

  /** Files seq under fp, keeping at most `limit` seqs per fingerprint (the newest). */
  add(fp: number, seq: number, limit: number): void {
    if ((this.entries + 1) * 2 > this.seqs.length) this.grow();
    const mask = this.seqs.length - 1;
    let oldest = -1;
    let found = 0;
    let i = fp & mask;
    for (; this.seqs[i] !== 0; i = (i + 1) & mask) {
      if (this.keys[i] !== fp) continue;
      if (this.seqs[i] === seq) return;
      found++;
      if (oldest < 0 || (this.seqs[i] as number) < (this.seqs[oldest] as number)) oldest = i;
    }
    if (found >= limit) {
      this.seqs[oldest] = seq;
      return;
    }
    this.keys[i] = fp;
    this.seqs[i] = seq;
    this.entries++;
  }

  /** Pushes the seqs filed under fp onto out. */
  collect(fp: number, out: number[]): void {
    const mask = this.seqs.length - 1;
    for (let i = fp & mask; this.seqs[i] !== 0; i = (i + 1) & mask)
      if (this.keys[i] === fp) out.push(this.seqs[i] as number);
  }

  private grow(): void {
    const { keys, seqs } = this;
    this.keys = new Uint32Array(seqs.length * 2);
    this.seqs = new Int32Array(seqs.length * 2);
    const mask = this.seqs.length - 1;
    for (let j = 0; j < seqs.length; j++) {
      const seq = seqs[j] as number;
      if (seq === 0) continue;
      let i = (keys[j] as number) & mask;
      while (this.seqs[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = keys[j] as number;
      this.seqs[i] = seq;
    }
  }
}

/** A 32-bit fingerprint of a band key (band number and hash): what the table stores. */
function fingerprint(key: number): number {
  let h = (key >>> 0) ^ Math.imul(Math.floor(key / 2 ** 32) + 1, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Band keys of the last `window` to 2×`window` articles filed, each bucket keeping its newest
 * `perBand`. Two generations: when the newer fills, the older is dropped whole, so memory
 * stays bounded without deleting slot by slot.
 * @example const ix = new BandIndex(8, 1000); ix.add(1, bandKeys(sig)); ix.newest(bandKeys(sig)) // [1]
 */
export class BandIndex {
  private newer = new Generation(1024);
  private older: Generation | null = null;
  /** The highest seq filed. */
  last = 0;

  constructor(
    private readonly perBand: number,
    private readonly window: number,
  ) {}

  add(seq: number, bands: readonly number[]): void {
    if (this.newer.articles >= this.window) {
      this.older = this.newer;
      this.newer = new Generation(1024);
    }
    for (const band of bands) this.newer.add(fingerprint(band), seq, this.perBand);
    this.newer.articles++;
    if (seq > this.last) this.last = seq;
  }

  /** The newest seqs of each band (at most perBand each), newest first, without repeats. */
  newest(bands: readonly number[]): number[] {
    const out: number[] = [];
    const one: number[] = [];
    for (const band of bands) {
      const fp = fingerprint(band);
      one.length = 0;
      this.newer.collect(fp, one);
      if (one.length < this.perBand && this.older) this.older.collect(fp, one);
      if (one.length > this.perBand) one.sort((a, b) => b - a).length = this.perBand;
      for (const seq of one) out.push(seq);
    }
    out.sort((a, b) => b - a);
    let n = 0;
    for (let i = 0; i < out.length; i++)
      if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i] as number;
    out.length = n;
    return out;
  }
}
