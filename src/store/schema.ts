import type { Generated } from 'kysely';

/** The tables every backend holds, as Kysely sees them (snake_case, as stored). */
export interface ArticlesTable {
  seq: Generated<number>;
  id: string;
  url: string | null;
  title: string | null;
  source: string | null;
  published: string | null;
  text: string;
  content_hash: string;
  story_id: number;
  added_at: string;
}

export interface StoriesTable {
  id: Generated<number>;
  first_article: string;
  created_at: string;
}

/** Each article's MinHash signature, narrow so that the newest thousands read fast. */
export interface ArticleSignaturesTable {
  article_seq: number;
  story_id: number;
  shingles: number;
  signature: Uint8Array;
}

/** Story events: the best-supported reading of their mentions, and the tally behind it. */
export interface EventsTable {
  /** Given by the store (largest + 1) so that one article's new events go in one insert. */
  id: Generated<number>;
  merge_key: string;
  pair: string;
  root: string;
  modality: string;
  src_code: string;
  src_country: string | null;
  src_org: string | null;
  tgt_code: string | null;
  tgt_country: string | null;
  tgt_org: string | null;
  cameo: string;
  label: string;
  quad: number;
  goldstein: number;
  plover: string;
  plover_mode: string | null;
  date_value: string | null;
  date_precision: string | null;
  date_basis: string | null;
  day: string | null;
  win_start: string | null;
  win_end: string | null;
  place_name: string | null;
  place_country: string | null;
  lat: number | null;
  lon: number | null;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  first_report: string;
  last_report: string;
}

/** The counts behind a story event, apart so that event rows stay small for queries. */
export interface EventTalliesTable {
  event_id: number;
  tally: string;
}

/** Every actor key of every story event, by side, for "either side" filters. */
export interface EventActorsTable {
  key: string;
  /** The event's day, '' when undated (it is part of the primary key). */
  day: string;
  side: string;
  event_id: number;
  /** Copies of the event's class, score and mentions, so that timelines need no event rows. */
  quad: number;
  goldstein: number;
  mentions: number;
}

export interface MentionsTable {
  seq: Generated<number>;
  id: string;
  article_seq: number;
  event_id: number;
  sentence_index: number;
  src_code: string;
  src_country: string | null;
  src_org: string | null;
  src_entity: string | null;
  tgt_code: string | null;
  tgt_country: string | null;
  tgt_org: string | null;
  tgt_entity: string | null;
  cameo: string;
  quad: number;
  goldstein: number;
  plover: string;
  modality: string;
  day: string | null;
  record: string;
}

/** One row per feed followed by `watch`: validators, last outcome, failures in a row. */
export interface FeedsTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_fetched: string | null;
  last_status: number | null;
  failures: number;
  last_error: string | null;
  /** JSON array of the entries to try again. */
  pending: string;
}

/** One row per key (a URL or a content hash) of a feed entry already dealt with. */
export interface SeenEntriesTable {
  kind: 'url' | 'hash';
  value: string;
  feed_url: string;
  article_id: string | null;
  seen_at: string;
}

export interface Database {
  articles: ArticlesTable;
  stories: StoriesTable;
  article_signatures: ArticleSignaturesTable;
  events: EventsTable;
  event_tallies: EventTalliesTable;
  event_actors: EventActorsTable;
  mentions: MentionsTable;
  feeds: FeedsTable;
  seen_entries: SeenEntriesTable;
}
