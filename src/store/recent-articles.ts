import {
  BANDS,
  bandHash,
  HASHES,
  LEAST_SAME_VALUES,
  mix,
  nearDuplicateAt,
  type Signature,
} from './minhash.js';

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
  /**
   * The low byte of each value: two signatures share at least as many of these as values,
   * so one cache line tells most candidates apart from a near duplicate.
   */
  sketches: Uint8Array;
  /**
   * Open addressing, each slot a band fingerprint and the article (ordinal + 1; 0 marks
   * empty) side by side: one cache line per probe of a table far larger than the cache.
   */
  table: Uint32Array;
  entries = 0;

  constructor(articles = 256) {
    this.seqs = new Int32Array(articles);
    this.stories = new Int32Array(articles);
    this.shingles = new Int32Array(articles);
    this.values = new Uint32Array(articles * HASHES);
    this.sketches = new Uint8Array(articles * HASHES);
    // Twice the slots of the entries: the table stays at most half full.
    this.table = new Uint32Array(articles * BANDS * 2 * 2);
  }

  /** Adds an article; returns its ordinal. */
  push(seq: number, sig: Signature, storyId: number): number {
    if (this.count === this.seqs.length) this.growArticles();
    const i = this.count++;
    this.seqs[i] = seq;
    this.stories[i] = storyId;
    this.shingles[i] = sig.shingles;
    this.values.set(sig.values, i * HASHES);
    // A byte array keeps each value's low byte.
    this.sketches.set(sig.values, i * HASHES);
    return i;
  }

  /** Files article `ordinal` under fp, keeping the newest `limit` per fingerprint. */
  file(fp: number, ordinal: number, limit: number): void {
    if ((this.entries + 1) * 4 > this.table.length) this.growTable();
    const t = this.table;
    const mask = (t.length >> 1) - 1;
    let oldest = -1;
    let found = 0;
    let i = fp & mask;
    for (; t[2 * i + 1] !== 0; i = (i + 1) & mask) {
      if (t[2 * i] !== fp) continue;
      if (t[2 * i + 1] === ordinal + 1) return;
      found++;
      if (oldest < 0 || (t[2 * i + 1] as number) < (t[2 * oldest + 1] as number)) oldest = i;
    }
    if (found >= limit) {
      t[2 * oldest + 1] = ordinal + 1;
      return;
    }
    t[2 * i] = fp;
    t[2 * i + 1] = ordinal + 1;
    this.entries++;
  }

  /** Writes the ordinals filed under fp into out from n on; returns the new n. */
  collect(fp: number, out: Int32Array, n: number): number {
    const t = this.table;
    const mask = (t.length >> 1) - 1;
    let k = n;
    for (let i = fp & mask; t[2 * i + 1] !== 0; i = (i + 1) & mask)
      if (t[2 * i] === fp) out[k++] = (t[2 * i + 1] as number) - 1;
    return k;
  }

  private growArticles(): void {
    const n = this.seqs.length * 2;
    const grown = <T extends Int32Array | Uint32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.seqs = grown(this.seqs, new Int32Array(n));
    this.stories = grown(this.stories, new Int32Array(n));
    this.shingles = grown(this.shingles, new Int32Array(n));
    this.values = grown(this.values, new Uint32Array(n * HASHES));
    this.sketches = grown(this.sketches, new Uint8Array(n * HASHES));
  }

  private growTable(): void {
    const old = this.table;
    const t = (this.table = new Uint32Array(old.length * 2));
    const mask = (t.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      let i = (old[j] as number) & mask;
      while (t[2 * i + 1] !== 0) i = (i + 1) & mask;
      t[2 * i] = old[j] as number;
      t[2 * i + 1] = old[j + 1] as number;
    }
  }
}

/** Whether the sketches at a and at b share enough bytes for their signatures to be near. */
function mayBeNear(a: Uint8Array, sketches: Uint8Array, at: number): boolean {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === sketches[at + k]) same++;
  return same >= LEAST_SAME_VALUES;
}

/** The fingerprints of a signature's bands (band number mixed in), written into out. */
function fingerprints(sig: Signature, out: Uint32Array): Uint32Array {
  for (let b = 0; b < BANDS; b++) out[b] = mix(bandHash(sig, b) ^ Math.imul(b + 1, 0x9e3779b1));
  return out;
}

/**
 * The last `window` to 2×`window` articles added, in two generations: when the newer fills,
 * the older is dropped whole, so memory stays bounded without deleting slot by slot.
 * @example const recent = new RecentArticles(8, 50, 1000); recent.add(1, sig, 1); recent.nearest(sig) // { storyId: 1, score: 1 }
 */
export class RecentArticles {
  private newer = new Generation();
  private older: Generation | null = null;
  /** Scratch for one question: fingerprints, and the articles that share them. */
  private bands = new Uint32Array(BANDS);
  private sketch = new Uint8Array(HASHES);
  /** Each band's collect gives at most perBand articles. */
  private found: Int32Array;
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
  ) {
    this.found = new Int32Array(BANDS * perBand);
  }

  add(seq: number, sig: Signature, storyId: number): void {
    if (this.newer.count >= this.window) {
      this.older = this.newer;
      this.newer = new Generation();
    }
    const ordinal = this.newer.push(seq, sig, storyId);
    const bands = fingerprints(sig, this.bands);
    for (let b = 0; b < BANDS; b++) this.newer.file(bands[b] as number, ordinal, this.perBand);
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
    const bands = fingerprints(sig, this.bands);
    const sketch = this.sketch;
    sketch.set(sig.values);
    let compared = 0;
    for (const g of generations) {
      let n = 0;
      for (let b = 0; b < BANDS; b++) n = g.collect(bands[b] as number, this.found, n);
      // Newest (highest ordinal) first, each once: a typed sort needs no comparator.
      const ordinals = this.found.subarray(0, n).sort();
      for (let k = n - 1; k >= 0; k--) {
        const i = ordinals[k] as number;
        if (k < n - 1 && i === ordinals[k + 1]) continue;
        if (g.shingles[i] === 0) continue;
        if (compared++ === this.candidates) return best;
        if (!mayBeNear(sketch, g.sketches, i * HASHES)) continue;
        const { same, score } = nearDuplicateAt(sig, g.values, i * HASHES, g.shingles[i] as number);
        if (same && score > (best?.score ?? 0)) best = { storyId: g.stories[i] as number, score };
      }
    }
    return best;
  }
}
