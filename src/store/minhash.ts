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

/** FNV-1a continued over a word's characters from state h. */
function fnvWord(h: number, word: string): number {
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

/** FNV-1a of words joined by single spaces, without building the joined string. */
function fnvWords(words: readonly string[], from: number, to: number): number {
  let h = fnvWord(FNV_BASIS, words[from] as string);
  for (let i = from + 1; i < to; i++)
    h = fnvWord(Math.imul(h ^ 32, 0x01000193), words[i] as string);
  return h >>> 0;
}

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

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-case words of letters and digits. */
function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * The MinHash signature of a text's word trigrams.
 * @example signature('Putin met Assad in Moscow on Wednesday').shingles // 5
 */
export function signature(text: string): Signature {
  const w = words(text);
  const seen = new Set<number>();
  if (w.length < 3) {
    if (w.length) seen.add(fnvWords(w, 0, w.length));
  } else for (let i = 0; i + 2 < w.length; i++) seen.add(fnvWords(w, i, i + 3));
  const shingles = Uint32Array.from(seen);
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

/**
 * One integer per band (band number in the high bits), the keys of the LSH buckets.
 * @example bandKeys(signature('a b c d')).length // 32
 */
export function bandKeys(sig: Signature): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ (sig.values[b * ROWS + r] as number));
    // 5 bits of band number above 32 bits of hash: still an exact integer in a double.
    keys.push(b * 2 ** 32 + (h >>> 0));
  }
  return keys;
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
  return { same: j >= 0.5 || (j >= 0.2 && containment >= 0.7), score };
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
