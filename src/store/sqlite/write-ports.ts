import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { EventColumns } from '../event-row.js';
import { decodeSignature, encodeSignature } from '../minhash.js';
import type { ArticleSignaturesTable } from '../schema.js';
import type {
  ArticleRow,
  CandidateRow,
  EventActorRow,
  MentionRow,
  OldArticle,
  ReportRow,
  StoredSignature,
  WritePorts,
} from '../story-writer.js';

const EVENT_COLUMNS = [
  'merge_key',
  'pair',
  'root',
  'modality',
  'src_code',
  'src_country',
  'src_org',
  'tgt_code',
  'tgt_country',
  'tgt_org',
  'cameo',
  'label',
  'quad',
  'goldstein',
  'plover',
  'plover_mode',
  'date_value',
  'date_precision',
  'date_basis',
  'day',
  'win_start',
  'win_end',
  'place_name',
  'place_country',
  'lat',
  'lon',
  'num_mentions',
  'num_articles',
  'num_sources',
  'first_report',
  'last_report',
] as const satisfies readonly (keyof EventColumns)[];

/** The event columns no index holds (events_merge and events_day hold the rest). */
const IN_PLACE_COLUMNS = EVENT_COLUMNS.filter(
  (c) => c !== 'merge_key' && c !== 'day' && c !== 'win_start' && c !== 'win_end',
);

const MENTION_COLUMNS = [
  'id',
  'article_seq',
  'event_id',
  'sentence_index',
  'src_code',
  'src_country',
  'src_org',
  'src_entity',
  'tgt_code',
  'tgt_country',
  'tgt_org',
  'tgt_entity',
  'cameo',
  'quad',
  'goldstein',
  'plover',
  'modality',
  'day',
  'record',
] as const satisfies readonly (keyof MentionRow)[];

const ARTICLE_COLUMNS = [
  'id',
  'url',
  'title',
  'source',
  'published',
  'text',
  'content_hash',
  'story_id',
  'added_at',
] as const satisfies readonly (keyof ArticleRow)[];

function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

/** A row's values in column order: binding by position is cheaper than by name. */
function values<R>(row: R, columns: readonly (keyof R)[]): unknown[] {
  const out = new Array<unknown>(columns.length);
  for (let i = 0; i < columns.length; i++) out[i] = row[columns[i] as keyof R];
  return out;
}

/**
 * The years a stored window end from day `from` to day `to` can fall in, when none ends after
 * year `latest`.
 * @example windowEndYears('2023-12-30', '2025-01-02', 2024) // ['2023', '2024']
 */
export function windowEndYears(from: string, to: string, latest: number): string[] {
  const last = Math.min(Number(to.slice(0, 4)), latest);
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= last; y++) out.push(String(y).padStart(4, '0'));
  return out;
}

/**
 * Runs fn with db's foreign keys unchecked: the writer refers only to rows it has just read or
 * written, and deletes what refers to a row before the row, so the checks found nothing.
 */
function unchecked<T>(db: Database.Database, fn: () => T): T {
  if (!db.pragma('foreign_keys', { simple: true })) return fn();
  db.pragma('foreign_keys = OFF');
  try {
    return fn();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** An article_signatures row. */
type SignatureRow = Selectable<ArticleSignaturesTable>;

/**
 * The writer's statements on one better-sqlite3 connection, each prepared once. Raw
 * statements rather than Kysely here: building a query object per row was most of the
 * time an article took to store.
 */
export function sqliteWritePorts(db: Database.Database): WritePorts {
  const s = {
    findArticle: db.prepare('SELECT seq, content_hash, story_id FROM articles WHERE id = ?'),
    articleEventIds: db
      .prepare('SELECT DISTINCT event_id FROM mentions WHERE article_seq = ?')
      .pluck(),
    deleteMentions: db.prepare('DELETE FROM mentions WHERE article_seq = ?'),
    deleteSignature: db.prepare('DELETE FROM article_signatures WHERE article_seq = ?'),
    deleteArticle: db.prepare('DELETE FROM articles WHERE seq = ?'),
    articleWords: db.prepare('SELECT title, text FROM articles WHERE seq = ?'),
    indexWords: db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)'),
    // External content: the index is told the words it had, to take them out.
    unindexWords: db.prepare(
      `INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)`,
    ),
    lastSeq: db.prepare('SELECT coalesce(max(seq), 0) FROM articles').pluck(),
    signaturesAfter: db.prepare(
      `SELECT article_seq, signature, shingles, story_id FROM article_signatures
       WHERE article_seq > ? ORDER BY article_seq`,
    ),
    insertSignature: db.prepare(
      `INSERT INTO article_signatures (article_seq, story_id, shingles, signature)
       VALUES (?, ?, ?, ?)`,
    ),
    insertStory: db.prepare('INSERT INTO stories (first_article, created_at) VALUES (?, ?)'),
    insertArticle: db.prepare(insertSql('articles', ARTICLE_COLUMNS)),
    // Along (year of win_end, merge_key, win_end), a year a run: windows end at most a year
    // after they start, and articles mostly come in time order, so few stored windows end
    // after a new one starts.
    datedCandidates: db.prepare(
      `SELECT e.id, e.day, e.win_start, e.win_end, e.num_mentions FROM events e
       WHERE substr(e.win_end, 1, 4) = ? AND e.merge_key = ?
         AND e.win_end >= ? AND e.win_end <= ? AND e.win_start <= ?`,
    ),
    // The last entry of events_merge (NULLs sort first, so they come last read backwards).
    latestYear: db
      .prepare(
        `SELECT substr(win_end, 1, 4) FROM events WHERE substr(win_end, 1, 4) IS NOT NULL
         ORDER BY substr(win_end, 1, 4) DESC LIMIT 1`,
      )
      .pluck(),
    undatedCandidates: db.prepare(
      `SELECT e.id, e.day, e.win_start, e.win_end, e.num_mentions FROM events e
       WHERE substr(e.win_end, 1, 4) IS NULL AND e.merge_key = ? AND e.win_end IS NULL`,
    ),
    eventTally: db.prepare('SELECT tally FROM event_tallies WHERE event_id = ?').pluck(),
    insertEvent: db.prepare(insertSql('events', EVENT_COLUMNS)),
    putTally: db.prepare('INSERT OR REPLACE INTO event_tallies (event_id, tally) VALUES (?, ?)'),
    updateEvent: db.prepare(
      `UPDATE events SET ${EVENT_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ),
    // Without the indexed columns SQLite leaves the indexes alone: most merges move neither.
    updateEventInPlace: db.prepare(
      `UPDATE events SET ${IN_PLACE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ),
    // The day is part of the key: setting it moves every entry, so only when it changed.
    moveActors: db.prepare(
      'UPDATE event_actors SET day = ?, quad = ?, goldstein = ?, mentions = ? WHERE event_id = ?',
    ),
    updateActors: db.prepare(
      'UPDATE event_actors SET quad = ?, goldstein = ?, mentions = ? WHERE event_id = ?',
    ),
    // Multi-row VALUES and json_each both measured slower than a prepared statement per row.
    fileEvent: db.prepare(
      `INSERT OR IGNORE INTO event_actors (key, side, event_id, day, quad, goldstein, mentions)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertMention: db.prepare(insertSql('mentions', MENTION_COLUMNS)),
    unfileEvent: db.prepare('DELETE FROM event_actors WHERE event_id = ?'),
    deleteTally: db.prepare('DELETE FROM event_tallies WHERE event_id = ?'),
    deleteEvent: db.prepare('DELETE FROM events WHERE id = ?'),
    eventReports: db.prepare(
      `SELECT m.record, m.id AS mention_id, a.text, a.seq, a.story_id, a.id, a.source, a.url,
         a.published, a.added_at
       FROM mentions m JOIN articles a ON a.seq = m.article_seq WHERE m.event_id = ?`,
    ),
  };
  /**
   * Writes held until their (sub)transaction ends and then made together: a run of inserts
   * into one index keeps its pages in the processor's cache, where interleaved with every
   * other table's they cost two to three times as much. What is held belongs to the innermost
   * open transaction (a savepoint first writes what its enclosing one holds), so that a failed
   * one drops exactly its own.
   */
  const unindexed: [seq: number, title: string | null, text: string][] = [];
  /** Actor entries not yet filed, by event, to be updated or dropped in place. */
  const unfiled = new Map<number, EventActorRow[]>();
  const drop = () => {
    unindexed.length = 0;
    unfiled.clear();
  };
  const write = () => {
    for (const u of unindexed) s.indexWords.run(u);
    for (const rows of unfiled.values())
      for (const r of rows)
        s.fileEvent.run(r.key, r.side, r.event_id, r.day, r.quad, r.goldstein, r.mentions);
    drop();
  };
  /**
   * The latest year a stored window ends in, read once a transaction and raised by its own
   * writes (no other writer can add any meanwhile): new windows mostly reach into years no
   * stored one does, and those need no lookup. Null until read; 0 when none is stored.
   */
  let latest: number | null = null;
  const latestYear = () => (latest ??= Number(s.latestYear.get() ?? 0));
  const stored = (row: EventColumns) => {
    if (latest !== null && row.win_end !== null)
      latest = Math.max(latest, Number(row.win_end.slice(0, 4)));
  };
  const run = db.transaction((fn: () => unknown) => {
    latest = null;
    write();
    try {
      const result = fn();
      write();
      return result;
    } catch (error) {
      drop();
      throw error;
    }
  });
  return {
    // Only the outermost transaction can set foreign_keys: inside one the pragma does nothing.
    transaction: <T>(fn: () => T) =>
      (db.inTransaction ? run(fn) : unchecked(db, () => run(fn))) as T,
    findArticle: (id) => s.findArticle.get(id) as OldArticle | undefined,
    articleEventIds: (seq) => s.articleEventIds.all(seq) as number[],
    deleteArticle(seq) {
      // Its words were held, not yet indexed: they are let go instead of taken out.
      const waiting = unindexed.findIndex((u) => u[0] === seq);
      if (waiting >= 0) unindexed.splice(waiting, 1);
      else {
        const old = s.articleWords.get(seq) as { title: string | null; text: string } | undefined;
        if (old) s.unindexWords.run(seq, old.title, old.text);
      }
      s.deleteMentions.run(seq);
      s.deleteSignature.run(seq);
      s.deleteArticle.run(seq);
    },
    lastSeq: () => s.lastSeq.get() as number,
    signaturesAfter: (seq) =>
      (s.signaturesAfter.all(seq) as SignatureRow[]).map((row): StoredSignature => ({
        seq: row.article_seq,
        signature: decodeSignature(row.signature, row.shingles),
        storyId: row.story_id,
      })),
    insertStory: (first, at) => Number(s.insertStory.run(first, at).lastInsertRowid),
    insertArticle(row, signature) {
      const seq = Number(s.insertArticle.run(values(row, ARTICLE_COLUMNS)).lastInsertRowid);
      unindexed.push([seq, row.title, row.text]);
      s.insertSignature.run(seq, row.story_id, signature.shingles, encodeSignature(signature));
      return seq;
    },
    eventCandidates(key, w) {
      if (!w) return s.undatedCandidates.all(key) as CandidateRow[];
      const rows: CandidateRow[] = [];
      for (const year of windowEndYears(w.start, w.until, latestYear()))
        for (const row of s.datedCandidates.all(year, key, w.start, w.until, w.end))
          rows.push(row as CandidateRow);
      return rows;
    },
    eventTally: (id) => s.eventTally.get(id) as string | undefined,
    insertEvent(row, tally) {
      const id = Number(s.insertEvent.run(values(row, EVENT_COLUMNS)).lastInsertRowid);
      stored(row);
      if (tally !== null) s.putTally.run(id, tally);
      return id;
    },
    updateEvent(id, row, tally, place) {
      stored(row);
      if (place.windowKept && place.was === place.is)
        s.updateEventInPlace.run(values(row, IN_PLACE_COLUMNS), id);
      else s.updateEvent.run(values(row, EVENT_COLUMNS), id);
      if (tally === null) s.deleteTally.run(id);
      else s.putTally.run(id, tally);
      if (place.was === place.is) s.updateActors.run(row.quad, row.goldstein, row.num_mentions, id);
      else s.moveActors.run(place.is, row.quad, row.goldstein, row.num_mentions, id);
      for (const r of unfiled.get(id) ?? []) {
        r.day = place.is;
        r.quad = row.quad;
        r.goldstein = row.goldstein;
        r.mentions = row.num_mentions;
      }
    },
    fileEvent(rows: EventActorRow[]) {
      for (const r of rows) {
        const held = unfiled.get(r.event_id);
        if (held) held.push({ ...r });
        else unfiled.set(r.event_id, [{ ...r }]);
      }
    },
    unfileEvent(id) {
      s.unfileEvent.run(id);
      unfiled.delete(id);
    },
    deleteEvent(id) {
      s.unfileEvent.run(id);
      unfiled.delete(id);
      s.deleteTally.run(id);
      s.deleteEvent.run(id);
    },
    eventReports: (id) => s.eventReports.all(id) as ReportRow[],
    insertMentions(rows) {
      for (const row of rows) s.insertMention.run(values(row, MENTION_COLUMNS));
    },
  };
}
