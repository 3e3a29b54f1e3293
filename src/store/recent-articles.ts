import { BANDS, bandKeys, HASHES, mix, nearDuplicateAt, type Signature } from './minhash.js';

/**
 * The signatures, stories and LSH buckets of the newest articles, in memory. Written here
 * because what it needs (newest few per bucket, a bounded window, flat typed arrays) is no
 * package's shape; a bucket table in the database, and signatures read back one by one,
 * cost most of the time an article took to store.
 */

/** The story of the most similar article, and how similar it is. */
export interface Match {
  storyId: number;
  score: number;
}

/** One generation's articles: their signatures side by side, and a bucket table over them. */
class Generation {
  count = 0;
  seqs: Int32Array;
  stories: Int32Array;
  shingles: Int32Array;
  values: Uint32Array;
  /** Open addressing: a band fingerprint and the article (ordinal + 1; 0 marks empty). */
  keys: Uint32Array;
  slots: Int32Array;
  entries = 0;

  constructor(articles = 256) {
    this.seqs = new Int32Array(articles);
    this.stories = new Int32Array(articles);
    this.shingles = new Int32Array(articles);
    this.values = new Uint32Array(articles * HASHES);
    // Twice the slots of the entries: the table stays at most half full.
    this.keys = new Uint32Array(articles * BANDS * 2);
    this.slots = new Int32Array(articles * BANDS * 2);
  }

  /** Adds an article; returns its ordinal. */
  push(seq: number, sig: Signature, storyId: number): number {
    if (this.count === this.seqs.length) this.growArticles();
    const i = this.count++;
    this.seqs[i] = seq;
    this.stories[i] = storyId;
    this.shingles[i] = sig.shingles;
    this.values.set(sig.values, i * HASHES);
    return i;
  }

  /** Files article `ordinal` under fp, keeping the newest `limit` per fingerprint. */
  file(fp: number, ordinal: number, limit: number): void {
    if ((this.entries + 1) * 2 > this.slots.length) this.growTable();
    const mask = this.slots.length - 1;
    let oldest = -1;
    let found = 0;
    let i = fp & mask;
    for (; this.slots[i] !== 0; i = (i + 1) & mask) {
      if (this.keys[i] !== fp) continue;
      if (this.slots[i] === ordinal + 1) return;
      found++;
      if (oldest < 0 || (this.slots[i] as number) < (this.slots[oldest] as number)) oldest = i;
    }
    if (found >= limit) {
      this.slots[oldest] = ordinal + 1;
      return;
    }
    this.keys[i] = fp;
    this.slots[i] = ordinal + 1;
    this.entries++;
  }

  /** Pushes the ordinals filed under fp onto out. */
  collect(fp: number, out: number[]): void {
    const mask = this.slots.length - 1;
    for (let i = fp & mask; this.slots[i] !== 0; i = (i + 1) & mask)
      if (this.keys[i] === fp) out.push((this.slots[i] as number) - 1);
  }

  private growArticles(): void {
    const n = this.seqs.length * 2;
    const grown = <T extends Int32Array | Uint32Array>(a: T, b: T): T => (b.set(a), b);
    this.seqs = grown(this.seqs, new Int32Array(n));
    this.stories = grown(this.stories, new Int32Array(n));
    this.shingles = grown(this.shingles, new Int32Array(n));
    this.values = grown(this.values, new Uint32Array(n * HASHES));
  }

  private growTable(): void {
    const { keys, slots } = this;
    this.keys = new Uint32Array(slots.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    const mask = this.slots.length - 1;
    for (let j = 0; j < slots.length; j++) {
      if (slots[j] === 0) continue;
      let i = (keys[j] as number) & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = keys[j] as number;
      this.slots[i] = slots[j] as number;
    }
  }
}

/** A 32-bit fingerprint of a band key (band number and hash): what the table stores. */
function fingerprint(key: number): number {
  return mix((key >>> 0) ^ Math.imul(Math.floor(key / 2 ** 32) + 1, 0x9e3779b1));
}

/**
 * The last `window` to 2×`window` articles added, in two generations: when the newer fills,
 * the older is dropped whole, so memory stays bounded without deleting slot by slot.
 * @example const recent = new RecentArticles(8, 50, 1000); recent.add(1, sig, 1); recent.nearest(sig) // { storyId: 1, score: 1 }
 */
export class RecentArticles {
  private newer = new Generation();
  private older: Generation | null = null;
  /** The highest seq added, or, before any, the seq the window starts after. */
  last = 0;

  /**
   * @param perBand newest articles kept per bucket: a bucket shared by many more is boilerplate
   * @param candidates most articles compared for one question, newest first
   * @param window articles per generation
   */
  constructor(
    private readonly perBand: number,
    private readonly candidates: number,
    private readonly window: number,
  ) {}

  add(seq: number, sig: Signature, storyId: number): void {
    if (this.newer.count >= this.window) {
      this.older = this.newer;
      this.newer = new Generation();
    }
    const ordinal = this.newer.push(seq, sig, storyId);
    for (const band of bandKeys(sig)) this.newer.file(fingerprint(band), ordinal, this.perBand);
    if (seq > this.last) this.last = seq;
  }

  /** Takes an article out of the comparisons (its text was replaced or deleted). */
  forget(seq: number): void {
    for (const g of [this.newer, this.older])
      if (g) for (let i = 0; i < g.count; i++) if (g.seqs[i] === seq) g.shingles[i] = 0;
  }

  /**
   * The story of the most similar near duplicate of sig among the newest articles sharing a
   * band with it, or null when none is one.
   */
  nearest(sig: Signature): Match | null {
    let best: Match | null = null;
    const generations = this.older ? [this.newer, this.older] : [this.newer];
    const bands = bandKeys(sig).map(fingerprint);
    let compared = 0;
    const ordinals: number[] = [];
    for (const g of generations) {
      ordinals.length = 0;
      for (const fp of bands) g.collect(fp, ordinals);
      // Newest first, each once.
      ordinals.sort((a, b) => b - a);
      for (let k = 0; k < ordinals.length; k++) {
        const i = ordinals[k] as number;
        if (k > 0 && i === ordinals[k - 1]) continue;
        if (g.shingles[i] === 0) continue;
        if (compared++ === this.candidates) return best;
        const { same, score } = nearDuplicateAt(sig, g.values, i * HASHES, g.shingles[i] as number);
        if (same && score > (best?.score ?? 0)) best = { storyId: g.stories[i] as number, score };
      }
    }
    return best;
  }
}
