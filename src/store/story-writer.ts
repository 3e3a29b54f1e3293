import type { Selectable } from 'kysely';
import type { EventRecord } from '../record.js';
import { addDays } from './dates.js';
import { eventColumns, outletOf, type EventColumns } from './event-row.js';
import {
  addMention,
  emptyTally,
  factsOf,
  overlaps,
  readTally,
  tallyWindow,
  type MentionContext,
  type MentionFacts,
  type Tally,
} from './merge.js';
import { packRecord, unpackRecord } from './mention-record.js';
import { signature, type Signature } from './minhash.js';
import { RecentArticles } from './recent-articles.js';
import type { ArticlesTable, EventActorsTable, MentionsTable } from './schema.js';
import type { ArticleInput, PutResult } from './store.js';

/** An article as stored, with what replacing it needs. */
export type OldArticle = Pick<Selectable<ArticlesTable>, 'seq' | 'content_hash' | 'story_id'>;

/** A stored article's signature and story, for near-duplicate checks. */
export interface StoredSignature {
  seq: number;
  signature: Signature;
  storyId: number;
}

export type ArticleRow = Omit<ArticlesTable, 'seq'>;

export type MentionRow = Omit<MentionsTable, 'seq'>;

export type EventActorRow = EventActorsTable;

/** A stored story event a new mention might join. */
export interface CandidateRow {
  id: number;
  day: string | null;
  win_start: string | null;
  win_end: string | null;
  num_mentions: number;
}

/** One report of a story event, for recounting it. */
export interface ReportRow {
  record: string;
  mention_id: string;
  /** The article's text, which a stored record's sentence is read from. */
  text: string;
  seq: number;
  story_id: number;
  id: string;
  source: string | null;
  url: string | null;
  published: string | null;
  added_at: string;
}

/**
 * The statements a backend runs for the writer, each one small and synchronous: SQLite
 * answers in microseconds, so a promise per statement would cost more than the statement.
 */
export interface WritePorts {
  /** Runs fn in a transaction; nested calls are savepoints, undone when fn throws. */
  transaction<T>(fn: () => T): T;
  findArticle(id: string): OldArticle | undefined;
  articleEventIds(seq: number): number[];
  /** Removes an article with its mentions and its signature. */
  deleteArticle(seq: number): void;
  /** The highest article seq stored (0 when none). */
  lastSeq(): number;
  /** Signatures of the articles stored after seq, oldest first. */
  signaturesAfter(seq: number): StoredSignature[];
  insertStory(firstArticle: string, createdAt: string): number;
  /** Stores an article and its signature; returns its seq. */
  insertArticle(row: ArticleRow, signature: Signature): number;
  /**
   * Story events under mergeKey whose window meets the given one (`until`: the latest end such
   * a window can have), or the undated ones when window is null.
   */
  eventCandidates(
    mergeKey: string,
    window: { start: string; end: string; until: string } | null,
  ): CandidateRow[];
  /** A story event's stored tally; none for an event of one mention (the mention is its tally). */
  eventTally(id: number): string | undefined;
  /** Stores a story event, and its tally unless null (one mention: the mention is the tally). */
  insertEvent(row: EventColumns, tally: string | null): number;
  /**
   * Rewrites an event's row and tally (none when null), and the copies its actor entries keep.
   * `place` tells whether its day ('' undated) moved and whether its window is as stored.
   */
  updateEvent(
    id: number,
    row: EventColumns,
    tally: string | null,
    place: { was: string; is: string; windowKept: boolean },
  ): void;
  /** Files an event under actor keys, skipping keys it is already filed under. */
  fileEvent(rows: EventActorRow[]): void;
  unfileEvent(id: number): void;
  deleteEvent(id: number): void;
  eventReports(id: number): ReportRow[];
  insertMentions(rows: MentionRow[]): void;
}

/** The longest window a story event can have (a year-precise date). */
const LONGEST_WINDOW_DAYS = 366;
/** How many near-duplicate candidates are compared per article, newest first. */
const CANDIDATES = 50;
/** Newest articles taken from each band; a band shared by many more is boilerplate. */
const PER_BAND = 8;
/**
 * Near duplicates are looked for among the newest 32,768 to 65,536 articles stored: copies
 * and rewrites of a story come within days, and their signatures and buckets stay in memory
 * (up to about 50 MB).
 */
const WINDOW = 32_768;

/** A story event being changed by one article: its tally, and what is stored of it. */
interface Touched {
  tally: Tally;
  facts: MentionFacts;
  /** The actor keys it is already filed under. */
  keys: Set<string>;
  /** The day it is filed under ('' undated). */
  day: string;
  /** The window it is stored with, when known (a stored event's, read with it). */
  window?: MentionFacts['window'];
}

interface Candidate {
  id: number;
  day: string | null;
  window: MentionFacts['window'];
  n: number;
}

/**
 * Stores articles: near-duplicate grouping into stories, merging of mentions into story
 * events, and replacing an article whose text changed. Backend-neutral; the ports run SQL.
 */
export class StoryWriter {
  /** The newest articles' signatures; null until first needed or after a rollback. */
  private recent: RecentArticles | null = null;

  constructor(
    private readonly ports: WritePorts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Each article is atomic; all of them commit together. */
  putArticles(inputs: ArticleInput[]): PutResult[] {
    try {
      // Nearly every batch stores whole: a savepoint per article would only cost time.
      return this.ports.transaction(() => {
        this.catchUp();
        return inputs.map((input) => this.put(input));
      });
    } catch {
      // Something failed: undo the batch and redo it with a savepoint per article, so that
      // only the articles that fail are lost. Buckets of undone articles are forgotten.
      this.recent = null;
      try {
        return this.ports.transaction(() => {
          this.catchUp();
          return inputs.map((input): PutResult => {
            try {
              return this.ports.transaction(() => this.put(input));
            } catch (error) {
              return { status: 'failed', storyId: null, mentions: 0, events: [], error };
            }
          });
        });
      } finally {
        this.recent = null;
      }
    }
  }

  /** Files the articles other writers stored since we last looked (all of the window at first). */
  private catchUp(): void {
    const newest = this.ports.lastSeq();
    let recent = this.recent;
    if (!recent || newest - recent.last > WINDOW) {
      recent = new RecentArticles(PER_BAND, CANDIDATES, WINDOW);
      recent.last = Math.max(0, newest - WINDOW);
      this.recent = recent;
    }
    for (const row of this.ports.signaturesAfter(recent.last))
      recent.add(row.seq, row.signature, row.storyId);
  }

  private put(input: ArticleInput): PutResult {
    const { article, records, contentHash } = input;
    const p = this.ports;
    const recent = this.recent as RecentArticles;
    const old = p.findArticle(article.id);
    if (old && old.content_hash === contentHash)
      return { status: 'unchanged', storyId: old.story_id, mentions: 0, events: [] };
    const changed = new Set<number>();
    if (old) {
      for (const id of p.articleEventIds(old.seq)) changed.add(id);
      p.deleteArticle(old.seq);
      recent.forget(old.seq);
      for (const id of changed) this.rebuild(id);
    }
    const sig = signature(`${article.title ?? ''}\n${article.text}`);
    const added = this.now().toISOString();
    const storyId = recent.nearest(sig)?.storyId ?? p.insertStory(article.id, added);
    const seq = p.insertArticle(
      {
        id: article.id,
        url: article.url ?? null,
        title: article.title ?? null,
        source: article.source ?? null,
        published: article.published ?? null,
        text: article.text,
        content_hash: contentHash,
        story_id: storyId,
        added_at: added,
      },
      sig,
    );
    recent.add(seq, sig, storyId);
    const context: MentionContext = {
      articleSeq: seq,
      storyId,
      outlet: outletOf(article),
      reportDay: article.published?.slice(0, 10) ?? added.slice(0, 10),
    };
    let mentions = 0;
    const merge = (part: EventRecord[]) => {
      for (const id of this.merge(part, context, article.text)) changed.add(id);
      mentions += part.length;
    };
    merge(records);
    // Slice by slice: each slice's records are stored and let go before the next is coded.
    if (input.moreRecords) for (const part of input.moreRecords()) merge(part);
    return {
      status: old ? 'replaced' : 'added',
      storyId,
      mentions,
      events: [...changed],
    };
  }

  /** Stored story events that each fact could join, by merge key. */
  private candidates(facts: MentionFacts[]): Map<string, Candidate[]> {
    const byKey = new Map<string, Candidate[]>();
    const asked = new Set<string>();
    for (const f of facts) {
      const question = `${f.mergeKey}|${f.window?.start}|${f.window?.end}`;
      if (asked.has(question)) continue;
      asked.add(question);
      const window = f.window
        ? // No window is longer than a year: bound the index range from above too.
          { ...f.window, until: addDays(f.window.end, LONGEST_WINDOW_DAYS) }
        : null;
      let list = byKey.get(f.mergeKey);
      if (!list) byKey.set(f.mergeKey, (list = []));
      for (const e of this.ports.eventCandidates(f.mergeKey, window))
        if (!list.some((c) => c.id === e.id))
          list.push({
            id: e.id,
            day: e.day,
            window: e.win_start && e.win_end ? { start: e.win_start, end: e.win_end } : null,
            n: e.num_mentions,
          });
    }
    return byKey;
  }

  /** Puts each record into a story event (an existing one when compatible) and stores it. */
  private merge(records: EventRecord[], context: MentionContext, text: string): number[] {
    const facts = records.map((r) => factsOf(r, context));
    const stored = this.candidates(facts);
    // Story events touched by this article, kept in memory until the article is merged;
    // new ones get negative ids until they are written.
    const touched = new Map<number, Touched>();
    let fresh = 0;
    const eventOf: number[] = [];
    for (const f of facts) {
      const found = new Map<number, { window: MentionFacts['window']; n: number }>();
      for (const c of stored.get(f.mergeKey) ?? []) found.set(c.id, c);
      for (const [id, t] of touched)
        if (t.facts.mergeKey === f.mergeKey)
          found.set(id, { window: tallyWindow(t.tally, f.modality), n: t.tally.mentions });
      let chosen: number | null = null;
      let most = -1;
      for (const [id, e] of found)
        if (overlaps(e.window, f.window) && (e.n > most || (e.n === most && id < (chosen ?? id))))
          [chosen, most] = [id, e.n];
      if (chosen === null) {
        chosen = --fresh;
        touched.set(chosen, { tally: emptyTally(), facts: f, keys: new Set(), day: '' });
      }
      let t = touched.get(chosen);
      if (!t) {
        const c = stored.get(f.mergeKey)?.find((x) => x.id === chosen) as Candidate;
        // Read only for the event chosen: most candidates are not, and most have no tally.
        const kept = c.n > 1 ? this.ports.eventTally(c.id) : undefined;
        const tally = kept === undefined ? this.recount(c.id)?.tally : readTally(kept);
        if (!tally) throw new Error(`story event ${c.id} has neither a tally nor a mention`);
        const keys = new Set(tally.actors.map((c) => c[0]));
        t = { tally, facts: f, keys, day: c.day ?? '', window: c.window };
        touched.set(chosen, t);
      }
      addMention(t.tally, f);
      eventOf.push(chosen);
    }
    const ids = this.writeEvents(touched);
    this.ports.insertMentions(
      records.map((r, i) => ({
        id: r.id,
        article_seq: context.articleSeq,
        event_id: ids.get(eventOf[i] as number) as number,
        sentence_index: r.sentenceIndex,
        src_code: r.source.code,
        src_country: r.source.country,
        src_org: r.source.org,
        src_entity: r.source.entity?.id ?? null,
        tgt_code: r.target?.code ?? null,
        tgt_country: r.target?.country ?? null,
        tgt_org: r.target?.org ?? null,
        tgt_entity: r.target?.entity?.id ?? null,
        cameo: r.cameo,
        quad: r.quadClass,
        goldstein: r.goldstein,
        plover: r.plover.type,
        modality: r.modality,
        day: r.date ? r.date.value.padEnd(10, '-01').slice(0, 10) : null,
        record: packRecord(r, text),
      })),
    );
    return [...ids.values()];
  }

  /**
   * Writes the summaries of touched story events (new ones have ids below 0), each filed
   * under the actor keys it gained. Returns the stored id of every touched event.
   */
  private writeEvents(touched: Map<number, Touched>): Map<number, number> {
    const ids = new Map<number, number>();
    const actors: EventActorRow[] = [];
    for (const [id, t] of touched) {
      const { row, actorKeys } = eventColumns(t.tally, t.facts);
      // Most story events have one mention: their tally is that mention, not stored twice.
      const tally = t.tally.mentions > 1 ? JSON.stringify(t.tally) : null;
      // Undated events are filed under '': the day is part of the actor entries' key.
      const day = row.day ?? '';
      let eventId = id;
      if (id < 0) eventId = this.ports.insertEvent(row, tally);
      else
        this.ports.updateEvent(id, row, tally, {
          was: t.day,
          is: day,
          // Known and unchanged: the indexes that hold the window need no new entries.
          windowKept:
            t.window !== undefined &&
            (t.window?.start ?? null) === row.win_start &&
            (t.window?.end ?? null) === row.win_end,
        });
      ids.set(id, eventId);
      for (const k of actorKeys)
        if (!t.keys.has(k))
          actors.push({
            key: k.slice(2),
            side: k.slice(0, 1),
            event_id: eventId,
            day,
            quad: row.quad,
            goldstein: row.goldstein,
            mentions: row.num_mentions,
          });
    }
    this.ports.fileEvent(actors);
    return ids;
  }

  /** Recounts a story event from the mentions it still has, or removes it when none are left. */
  private rebuild(id: number): void {
    const counted = this.recount(id);
    if (!counted) {
      this.ports.deleteEvent(id);
      return;
    }
    // Keys can be lost here: file the event afresh.
    this.ports.unfileEvent(id);
    this.writeEvents(new Map([[id, { ...counted, keys: new Set<string>(), day: '' }]]));
  }

  /** A story event's tally counted again from the mentions it has, or null when none. */
  private recount(id: number): { tally: Tally; facts: MentionFacts } | null {
    const tally = emptyTally();
    let facts: MentionFacts | null = null;
    for (const r of this.ports.eventReports(id)) {
      facts = factsOf(unpackRecord(r.record, r.mention_id, r.id, r.text), {
        articleSeq: r.seq,
        storyId: r.story_id,
        outlet: outletOf(r),
        reportDay: r.published?.slice(0, 10) ?? r.added_at.slice(0, 10),
      });
      addMention(tally, facts);
    }
    return facts ? { tally, facts } : null;
  }
}
