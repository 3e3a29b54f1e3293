/** What the store remembers of one feed between rounds. */
export interface FeedState {
  url: string;
  /** Validators of the last response whose entries were all dealt with. */
  etag: string | null;
  lastModified: string | null;
  /** ISO time of the last request for the feed. */
  lastFetched: string | null;
  /** HTTP status of the last request; null when no response came (network, timeout). */
  lastStatus: number | null;
  /** Rounds in a row that failed; 0 after a success. */
  failures: number;
  lastError: string | null;
  /** Entries whose page failed, asked for again next round even when the feed is unchanged. */
  pending: PendingEntry[];
}

/** An entry to try again: what the feed said of it, and how many rounds it has failed. */
export interface PendingEntry {
  link: string;
  title: string | null;
  published: string | null;
  failures: number;
}

/** How an entry is recognised when it comes again: by URL or by a hash of its content. */
export interface SeenKey {
  kind: 'url' | 'hash';
  value: string;
}

/** An entry dealt with: the article it was stored as (null when it was skipped for good). */
export interface SeenEntry {
  feedUrl: string;
  articleId: string | null;
  keys: SeenKey[];
}

/** The entry a key was first seen as. */
export interface SeenMatch {
  key: SeenKey;
  feedUrl: string;
  articleId: string | null;
  seenAt: string;
}

/**
 * Feed state kept beside the articles, so that a restart neither refetches what is stored nor
 * forgets validators and failures. Every Store backend implements it.
 */
export interface FeedStore {
  /** The state of a feed, or null when it was never fetched. */
  feedState(url: string): Promise<FeedState | null>;
  /** Writes the whole state of a feed, replacing what was there. */
  saveFeedState(state: FeedState): Promise<void>;
  /** The first of the keys already seen, or null when none is. */
  findSeen(keys: SeenKey[]): Promise<SeenMatch | null>;
  /** Remembers entries in one transaction; a key seen before keeps its first entry. */
  markSeen(entries: SeenEntry[]): Promise<void>;
}
