import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The SQLite schema, one numbered migration per change. Never edit a migration that has
 * shipped: add the next one.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial': {
    async up(db: Kysely<unknown>) {
      for (const statement of [
        sql`CREATE TABLE stories (
          id INTEGER PRIMARY KEY,
          first_article TEXT NOT NULL,
          created_at TEXT NOT NULL)`,
        sql`CREATE TABLE articles (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          url TEXT, title TEXT, source TEXT, published TEXT,
          content_hash TEXT NOT NULL,
          signature BLOB NOT NULL,
          shingles INTEGER NOT NULL,
          story_id INTEGER NOT NULL REFERENCES stories(id),
          added_at TEXT NOT NULL,
          -- Last, so that reading a signature does not walk the text's overflow pages.
          text TEXT NOT NULL)`,
        sql`CREATE INDEX articles_story ON articles(story_id)`,
        sql`CREATE TABLE article_bands (
          band INTEGER NOT NULL,
          article_seq INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
          PRIMARY KEY (band, article_seq)) WITHOUT ROWID`,
        sql`CREATE TABLE events (
          id INTEGER PRIMARY KEY,
          merge_key TEXT NOT NULL, pair TEXT NOT NULL, root TEXT NOT NULL, modality TEXT NOT NULL,
          src_code TEXT NOT NULL, src_country TEXT, src_org TEXT,
          tgt_code TEXT, tgt_country TEXT, tgt_org TEXT,
          cameo TEXT NOT NULL, label TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL,
          plover TEXT NOT NULL, plover_mode TEXT,
          date_value TEXT, date_precision TEXT, date_basis TEXT, day TEXT,
          win_start TEXT, win_end TEXT,
          place_name TEXT, place_country TEXT, lat REAL, lon REAL,
          num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL,
          first_report TEXT NOT NULL, last_report TEXT NOT NULL)`,
        sql`CREATE TABLE event_tallies (
          event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
          tally TEXT NOT NULL)`,
        sql`CREATE INDEX events_merge ON events(merge_key, win_start, win_end)`,
        sql`CREATE INDEX events_day ON events(day, id)`,
        sql`CREATE TABLE event_actors (
          key TEXT NOT NULL, day TEXT, side TEXT NOT NULL,
          event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
          quad INTEGER NOT NULL, goldstein REAL NOT NULL, mentions INTEGER NOT NULL,
          PRIMARY KEY (key, day, side, event_id)) WITHOUT ROWID`,
        sql`CREATE INDEX event_actors_event ON event_actors(event_id)`,
        // Mentions are found by event, article or day, never by id: no index on the random id.
        sql`CREATE TABLE mentions (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL,
          article_seq INTEGER NOT NULL REFERENCES articles(seq),
          event_id INTEGER NOT NULL REFERENCES events(id),
          sentence_index INTEGER NOT NULL,
          src_code TEXT NOT NULL, src_country TEXT, src_org TEXT, src_entity TEXT,
          tgt_code TEXT, tgt_country TEXT, tgt_org TEXT, tgt_entity TEXT,
          cameo TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL,
          plover TEXT NOT NULL, modality TEXT NOT NULL, day TEXT,
          record TEXT NOT NULL)`,
        sql`CREATE INDEX mentions_article ON mentions(article_seq)`,
        sql`CREATE INDEX mentions_event ON mentions(event_id)`,
        sql`CREATE INDEX mentions_day ON mentions(day)`,
        sql`CREATE VIRTUAL TABLE articles_fts USING fts5(
          title, text, content='articles', content_rowid='seq')`,
        sql`CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
          INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
        END`,
        sql`CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
          INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.seq, old.title, old.text);
        END`,
      ])
        await statement.execute(db);
    },
  },
  '0002-feeds': {
    async up(db: Kysely<unknown>) {
      for (const statement of [
        sql`CREATE TABLE feeds (
          url TEXT PRIMARY KEY,
          etag TEXT, last_modified TEXT,
          last_fetched TEXT, last_status INTEGER,
          failures INTEGER NOT NULL DEFAULT 0,
          last_error TEXT,
          pending TEXT NOT NULL DEFAULT '[]')`,
        // An entry is found again by any of its keys: its links and the hashes of its content.
        sql`CREATE TABLE seen_entries (
          kind TEXT NOT NULL CHECK (kind IN ('url', 'hash')),
          value TEXT NOT NULL,
          feed_url TEXT NOT NULL,
          article_id TEXT,
          seen_at TEXT NOT NULL,
          PRIMARY KEY (kind, value)) WITHOUT ROWID`,
      ])
        await statement.execute(db);
    },
  },
  // Near-duplicate buckets moved into the writer's memory: a signature row per article
  // replaces 32 bucket rows, and the articles table loses its copy of the signature.
  '0003-signatures': {
    async up(db: Kysely<unknown>) {
      for (const statement of [
        sql`CREATE TABLE article_signatures (
          article_seq INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
          story_id INTEGER NOT NULL,
          shingles INTEGER NOT NULL,
          signature BLOB NOT NULL)`,
        sql`INSERT INTO article_signatures (article_seq, story_id, shingles, signature)
          SELECT seq, story_id, shingles, signature FROM articles`,
        sql`DROP TABLE article_bands`,
        sql`ALTER TABLE articles DROP COLUMN signature`,
        sql`ALTER TABLE articles DROP COLUMN shingles`,
      ])
        await statement.execute(db);
    },
  },
  // The writer indexes article text itself, all of a transaction's articles together at its
  // end: the index's memory is then warm, where a trigger row by row cost it three times more.
  '0004-fts-by-writer': {
    async up(db: Kysely<unknown>) {
      for (const statement of [
        sql`DROP TRIGGER articles_fts_insert`,
        sql`DROP TRIGGER articles_fts_delete`,
      ])
        await statement.execute(db);
    },
  },
  // Candidates for merging are found along the window's end, not its start: stored windows
  // that end after a new one starts are few when articles come in time order.
  '0005-merge-by-window-end': {
    async up(db: Kysely<unknown>) {
      for (const statement of [
        sql`DROP INDEX events_merge`,
        sql`CREATE INDEX events_merge ON events(merge_key, win_end, win_start)`,
      ])
        await statement.execute(db);
    },
  },
  // Merge candidates are filed under the year their window ends first: a batch's new events
  // then go into one year's part of the index, where under their merge key first they went
  // all over it, and a commit rewrote most of its pages.
  '0006-merge-by-year': {
    async up(db: Kysely<unknown>) {
      for (const statement of [
        sql`DROP INDEX events_merge`,
        sql`CREATE INDEX events_merge ON events(substr(win_end, 1, 4), merge_key, win_end, win_start)`,
      ])
        await statement.execute(db);
    },
  },
  // The full-text index keeps which articles hold a word, not where in them: queries ask only
  // for articles holding every word, and the positions and column sizes were most of its writing.
  '0007-fts-words-only': {
    async up(db: Kysely<unknown>) {
      for (const statement of [
        sql`DROP TABLE articles_fts`,
        sql`CREATE VIRTUAL TABLE articles_fts USING fts5(
          title, text, content='articles', content_rowid='seq', detail=none, columnsize=0)`,
        sql`INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')`,
      ])
        await statement.execute(db);
    },
  },
};
