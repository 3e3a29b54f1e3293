/**
 * Near-duplicate signatures: MinHash over word trigrams, banded for locality-sensitive lookup.
 * Written here because the npm MinHash packages are unmaintained or pull in large dependencies.
 */

/** Number of hash functions in a signature. */
export const HASHES = 64;
/** Rows per band: two rows in 32 bands find pairs down to a Jaccard of about 0.3. */
export const ROWS = 2;
export const BANDS = HASHES / ROWS;

export interface Signature {
  /** HASHES unsigned 32-bit minimums. */
  values: Uint32Array;
  /** How many distinct shingles the text has, for estimating containment. */
  shingles: number;
}

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** A 32-bit mixer (murmur3's finaliser) that turns one hash into HASHES independent ones. */
export function mix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Whether the code point at i of text is a letter or digit, and how many units it takes. */
function wordUnit(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  const point = String.fromCodePoint(text.codePointAt(i) as number);
  return LETTER_OR_DIGIT.test(point) ? point.length : 0;
}

/**
 * Where the words of letters and digits of a (lower-cased) text start and end, side by side:
 * scanning by character code is several times faster than a Unicode pattern's matches.
 */
function wordBounds(text: string): Int32Array {
  let bounds = new Int32Array(64);
  let n = 0;
  let i = 0;
  while (i < text.length) {
    let step = wordUnit(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    while (step > 0) {
      i += step;
      step = i < text.length ? wordUnit(text, i) : 0;
    }
    if (n + 2 > bounds.length) {
      const grown = new Int32Array(bounds.length * 2);
      grown.set(bounds);
      bounds = grown;
    }
    bounds[n++] = start;
    bounds[n++] = i;
  }
  return bounds.subarray(0, n);
}

/** FNV-1a of words `from` to `to` (exclusive) joined by single spaces, read in place. */
function fnvWords(text: string, bounds: Int32Array, from: number, to: number): number {
  let h = FNV_BASIS;
  for (let w = from; w < to; w++) {
    if (w > from) h = Math.imul(h ^ 32, FNV_PRIME);
    const end = bounds[2 * w + 1] as number;
    for (let i = bounds[2 * w] as number; i < end; i++)
      h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

/** The distinct hashes of a text's word trigrams (of all its words when fewer than three). */
function shingleHashes(text: string): Uint32Array {
  const lower = text.toLowerCase();
  const bounds = wordBounds(lower);
  const words = bounds.length / 2;
  if (words === 0) return new Uint32Array(0);
  if (words < 3) return Uint32Array.of(fnvWords(lower, bounds, 0, words));
  const all = new Uint32Array(words - 2);
  for (let i = 0; i + 2 < words; i++) all[i] = fnvWords(lower, bounds, i, i + 3);
  // Sorted, repeats dropped: cheaper than a Set for a few hundred numbers.
  all.sort();
  let n = 1;
  for (let i = 1; i < all.length; i++) if (all[i] !== all[n - 1]) all[n++] = all[i] as number;
  return all.subarray(0, n);
}

/**
 * The MinHash signature of a text's word trigrams.
 * @example signature('Putin met Assad in Moscow on Wednesday').shingles // 5
 */
export function signature(text: string): Signature {
  const shingles = shingleHashes(text);
  const values = new Uint32Array(HASHES);
  // Hash by hash over a flat array: the minimum stays in a register.
  for (let k = 0; k < HASHES; k++) {
    const seed = SEEDS[k] as number;
    let min = 0xffffffff;
    for (let j = 0; j < shingles.length; j++) {
      const h = mix((shingles[j] as number) ^ seed);
      if (h < min) min = h;
    }
    values[k] = min;
  }
  return { values, shingles: shingles.length };
}

/** The hash of band b of a signature: its ROWS values mixed together. */
export function bandHash(sig: Signature, b: number): number {
  let h = FNV_BASIS ^ b;
  for (let r = 0; r < ROWS; r++) h = mix(h ^ (sig.values[b * ROWS + r] as number));
  return h;
}

/** Estimated Jaccard similarity of two signatures. */
export function jaccard(a: Signature, b: Signature): number {
  return jaccardAt(a, b.values, 0);
}

function jaccardAt(a: Signature, values: Uint32Array, at: number): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a.values[k] === values[at + k]) same++;
  return same / HASHES;
}

/** Below this estimated Jaccard similarity no two texts are versions of one story. */
const LEAST_JACCARD = 0.2;
/** The fewest equal values two signatures of versions of one story have. */
export const LEAST_SAME_VALUES = Math.ceil(LEAST_JACCARD * HASHES);

/**
 * Whether two texts are versions of one story: a copy or light rewrite (Jaccard at least
 * 0.5), or one mostly contained in the other (an expanded report).
 * @example nearDuplicate(signature(t), signature(t)) // true
 */
export function nearDuplicate(a: Signature, b: Signature): { same: boolean; score: number } {
  return nearDuplicateAt(a, b.values, 0, b.shingles);
}

/**
 * nearDuplicate against a signature kept at `at` in a flat array of many, read in place.
 * @example nearDuplicateAt(sig, all, 64 * i, shingles[i]).same
 */
export function nearDuplicateAt(
  a: Signature,
  values: Uint32Array,
  at: number,
  shingles: number,
): { same: boolean; score: number } {
  if (a.shingles === 0 || shingles === 0) return { same: false, score: 0 };
  const j = jaccardAt(a, values, at);
  const shared = (j * (a.shingles + shingles)) / (1 + j);
  const containment = Math.min(1, shared / Math.min(a.shingles, shingles));
  const score = Math.max(j, containment * 0.9);
  return { same: j >= 0.5 || (j >= LEAST_JACCARD && containment >= 0.7), score };
}

/** The signature as bytes for storage. */
export function encodeSignature(sig: Signature): Buffer {
  return Buffer.from(sig.values.buffer, sig.values.byteOffset, sig.values.byteLength);
}

/** A signature read back from storage. */
export function decodeSignature(bytes: Uint8Array, shingles: number): Signature {
  const copy = new Uint8Array(bytes);
  return { values: new Uint32Array(copy.buffer, 0, HASHES), shingles };
}
