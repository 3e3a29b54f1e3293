/** A trie over token keys: dictionary phrases of several words are found in one left-to-right walk. */
export interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | undefined;
  values: T[] | undefined;
}

export function newTrie<T>(): TrieNode<T> {
  return { next: undefined, values: undefined };
}

/** Adds `value` under the phrase made of `keys`. */
export function trieAdd<T>(root: TrieNode<T>, keys: readonly string[], value: T): void {
  let node = root;
  for (const k of keys) {
    node.next ??= new Map();
    let child = node.next.get(k);
    if (!child) {
      child = newTrie<T>();
      node.next.set(k, child);
    }
    node = child;
  }
  (node.values ??= []).push(value);
}

/**
 * The longest phrase starting at `keys[from]`: how many keys it spans and its values.
 * @example trieLongest(trie, ['the', 'white', 'house'], 1) // { length: 2, values: [...] }
 */
export function trieLongest<T>(
  root: TrieNode<T>,
  keys: readonly string[],
  from: number,
  limit = keys.length,
): { length: number; values: T[] } | undefined {
  if (from >= limit) return undefined;
  const first = root.next?.get(keys[from] as string);
  return first ? trieFrom(first, keys, from, limit) : undefined;
}

/**
 * The longest phrase starting at `keys[from]`, given `first`, the node under that word (from
 * the lexicon, so the large first level is not searched again).
 */
export function trieFrom<T>(
  first: TrieNode<T>,
  keys: readonly string[],
  from: number,
  limit = keys.length,
): { length: number; values: T[] } | undefined {
  let node: TrieNode<T> | undefined = first;
  // The answer is made once, at the end, however many phrases the walk passes.
  let length = 1;
  let values = first.values;
  for (let i = from + 1; i < limit && node.next; i++) {
    node = node.next.get(keys[i] as string);
    if (!node) break;
    if (node.values) {
      length = i - from + 1;
      values = node.values;
    }
  }
  return values ? { length, values } : undefined;
}
