import type { HttpClient } from '../fetch/client.js';
import type { Article, EventRecord, Issue } from '../record.js';
import type { SeenKey, Store } from '../store/index.js';
import type { FeedEntry } from './entries.js';

/** What a round needs: the store, the client, the coder, and where to say what happened. */
export interface RoundContext {
  store: Store;
  http: HttpClient;
  code: (article: Article) => { records: EventRecord[]; issues: Issue[] };
  /** A problem with a feed or an entry: where (a URL) and what, one line. */
  report: (where: string, message: string) => void;
  /** Entries dealt with so far in a feed. */
  progress?: (feedUrl: string, done: number, total: number) => void;
  /** True once a signal asked to stop: the entry in hand is finished, then the round ends. */
  stopping: () => boolean;
  /** Articles stored per transaction. */
  groupSize: number;
  /** Rounds an entry may fail before it is given up (marked seen without an article). */
  giveUpAfter: number;
}

/** What one feed came to in a round. */
export interface FeedSummary {
  url: string;
  outcome: 'fetched' | 'not-modified' | 'failed';
  status: number | null;
  /** Entries looked at: every entry of a fetched feed, the pending ones of an unchanged feed. */
  entries: number;
  added: number;
  seen: number;
  skipped: number;
  failed: number;
  mentions: number;
  ms: number;
  error: string | null;
  /** A signal stopped the feed before all its entries were dealt with. */
  interrupted: boolean;
}

/** An entry with the rounds it has failed before. */
export interface Work {
  entry: FeedEntry;
  failures: number;
}

/** Keys met in this round, so that the feeds of a round agree on an entry they share. */
export interface RoundMemory {
  /** Key → the article it became (null: skipped). */
  seen: Map<string, string | null>;
  /** Key → why its page failed: it is not asked for twice in a round. */
  failed: Map<string, string>;
}

export const newRoundMemory = (): RoundMemory => ({ seen: new Map(), failed: new Map() });

export const keyId = (k: SeenKey) => `${k.kind}:${k.value}`;
