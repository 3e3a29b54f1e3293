import type { ArticleInput, SeenEntry, Store } from '../store/index.js';

/** An article waiting to be stored, with the entry to mark seen once it is. */
interface Waiting<T> {
  input: ArticleInput;
  seen: SeenEntry;
  /** The caller's handle on the entry, given back with the outcome. */
  entry: T;
}

/** What became of one waiting article. */
export type Written<T> =
  | { entry: T; status: 'added' | 'replaced' | 'unchanged'; mentions: number }
  | { entry: T; status: 'failed'; error: string };

/**
 * Stores articles in groups (one transaction each, every article atomic) and marks their
 * entries seen after the commit: a crash in between leaves an article stored but unmarked,
 * which the next round finds unchanged, so nothing stored is lost or doubled.
 * @example const written = await new ArticleWriter(store, 100).add(input, seen, entry)
 */
export class ArticleWriter<T> {
  private waiting: Waiting<T>[] = [];
  private since = 0;

  constructor(
    private readonly store: Store,
    private readonly groupSize: number,
    private readonly groupMs = 1000,
  ) {}

  get size(): number {
    return this.waiting.length;
  }

  /** Adds an article; stores the group when it is full or old enough. */
  async add(input: ArticleInput, seen: SeenEntry, entry: T): Promise<Written<T>[]> {
    if (this.waiting.length === 0) this.since = Date.now();
    this.waiting.push({ input, seen, entry });
    if (this.waiting.length >= this.groupSize || Date.now() - this.since >= this.groupMs)
      return this.flush();
    return [];
  }

  async flush(): Promise<Written<T>[]> {
    const group = this.waiting;
    this.waiting = [];
    if (group.length === 0) return [];
    const results = await this.store.putArticles(group.map((w) => w.input));
    const out: Written<T>[] = [];
    const seen: SeenEntry[] = [];
    results.forEach((r, i) => {
      const w = group[i] as Waiting<T>;
      if (r.status === 'failed')
        out.push({ entry: w.entry, status: 'failed', error: (r.error as Error).message });
      else {
        out.push({ entry: w.entry, status: r.status, mentions: r.mentions });
        seen.push(w.seen);
      }
    });
    await this.store.markSeen(seen);
    return out;
  }
}
