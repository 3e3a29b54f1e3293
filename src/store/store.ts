import { z } from 'zod';
import type { Article, EventRecord } from '../record.js';
import type { FeedStore } from './feeds.js';
import type { DateChoice, Place, Version } from './merge.js';

/** Filters shared by `events`, `dyads`, `timeline`, `export` and the HTTP API. */
export const EventQuery = z.object({
  /** Actor keys (code, country, organisation, `person:ID`) on either side. */
  actor: z.array(z.string()).optional(),
  source: z.array(z.string()).optional(),
  target: z.array(z.string()).optional(),
  /** Two sets of actor keys, one on each side, in either direction. */
  dyad: z.tuple([z.array(z.string()), z.array(z.string())]).optional(),
  /** CAMEO code prefix. */
  cameo: z
    .string()
    .regex(/^\d{1,4}$/, 'a CAMEO code or prefix, such as 04 or 043')
    .optional(),
  plover: z.string().optional(),
  quad: z.number().int().min(1).max(4).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  modality: z.enum(['asserted', 'planned', 'possible', 'negated']).optional(),
  /** Words that must all occur in an article reporting the event. */
  text: z.string().min(1).optional(),
  minArticles: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
  /** Continue after this id (results are newest first, then by id). */
  after: z.object({ day: z.string().nullable(), id: z.number().int() }).optional(),
});
export type EventQuery = z.infer<typeof EventQuery>;

/** One event as reported by many articles. */
export interface StoryEvent {
  id: number;
  source: Version['source'];
  target: Version['target'];
  cameo: string;
  cameoLabel: string;
  plover: { type: string; mode: string | null };
  quadClass: number;
  goldstein: number;
  modality: string;
  date: (DateChoice & { day: string }) | null;
  location: Place | null;
  numMentions: number;
  numArticles: number;
  numSources: number;
  firstReport: string;
  lastReport: string;
  mentionIds: string[];
  /** Articles reporting the event, in the order they were stored. */
  articleIds: string[];
  /** URL of the first reporting article that has one. */
  sourceUrl: string | null;
  /** Some report has the event in its first sentence (GDELT's IsRootEvent). */
  inLead: boolean;
}

/** An event mention as stored: the coder's record and where it was merged. */
export interface StoredMention {
  eventId: number;
  articleId: string;
  record: EventRecord;
}

export interface StoredArticle {
  id: string;
  url: string | null;
  title: string | null;
  source: string | null;
  published: string | null;
  text: string;
  contentHash: string;
  storyId: number;
}

export interface DyadRow {
  pair: string;
  events: number;
  mentions: number;
  quad: [number, number, number, number];
  goldstein: number;
}

export type Period = 'day' | 'week' | 'month' | 'year';

export interface TimelineRow {
  period: string;
  events: number;
  mentions: number;
  quad: [number, number, number, number];
  goldstein: number;
  meanGoldstein: number;
}

export interface ActorCount {
  key: string;
  events: number;
  asSource: number;
  asTarget: number;
}

/** What one article brings to the store: its text, the coder's records and its signature. */
export interface ArticleInput {
  article: Article;
  records: EventRecord[];
  /**
   * More records, a slice at a time, coded while the article is stored, so that a very long
   * article is never held whole as records. A function, as storing may have to start again.
   */
  moreRecords?: () => Iterable<EventRecord[]>;
  contentHash: string;
}

export type PutStatus = 'added' | 'replaced' | 'unchanged';

export type PutResult =
  | {
      status: PutStatus;
      storyId: number;
      mentions: number;
      /** Story events that gained, lost or changed mentions. */
      events: number[];
    }
  | { status: 'failed'; storyId: null; mentions: 0; events: []; error: unknown };

export interface StoreStats {
  articles: number;
  stories: number;
  mentions: number;
  events: number;
}

/**
 * The one interface every backend implements (SQLite now, PostgreSQL next). Every method is
 * async so that a networked backend fits. The feed state of `watch` comes with it.
 */
export interface Store extends FeedStore {
  /** The content hash stored for an article id, to skip recoding unchanged articles. */
  articleHash(id: string): Promise<string | null>;
  /** Stores one article in its own transaction (throws when it cannot). */
  putArticle(input: ArticleInput): Promise<PutResult>;
  /**
   * Stores articles in one transaction, each atomic on its own (a savepoint): an article that
   * fails is undone and reported as `failed`, the others are kept. A crash loses the whole
   * batch and nothing else.
   */
  putArticles(inputs: ArticleInput[]): Promise<PutResult[]>;
  article(id: string): Promise<StoredArticle | null>;
  events(q: EventQuery): Promise<StoryEvent[]>;
  event(id: number): Promise<StoryEvent | null>;
  mentions(q: EventQuery & { eventId?: number; articleId?: string }): Promise<StoredMention[]>;
  dyads(q: EventQuery): Promise<DyadRow[]>;
  timeline(q: EventQuery, by: Period): Promise<TimelineRow[]>;
  actorCounts(q: { query?: string[]; limit?: number }): Promise<ActorCount[]>;
  stats(): Promise<StoreStats>;
  /** Story ids with their article ids, for inspecting near-duplicate grouping. */
  stories(): Promise<{ id: number; articles: string[] }[]>;
  close(): Promise<void>;
}
