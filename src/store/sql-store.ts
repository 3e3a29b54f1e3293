import {
  sql,
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  type Transaction,
} from 'kysely';
import type { EventRecord } from '../record.js';
import { addDays } from './dates.js';
import { eventConditions, keyWalks, mentionConditions, type KeyWalk } from './filters.js';
import {
  addMention,
  emptyTally,
  factsOf,
  overlaps,
  summarize,
  type MentionContext,
  type MentionFacts,
  type Tally,
} from './merge.js';
import { bandKeys, decodeSignature, encodeSignature, nearDuplicate, signature } from './minhash.js';
import type { Database, EventsTable } from './schema.js';
import type { FeedState, SeenEntry, SeenKey, SeenMatch } from './feeds.js';
import { feedStateOf, findSeenOf, markSeenOf, saveFeedStateOf } from './sql-feeds.js';
import type { SqlDialectParts } from './sql-dialect.js';
import type {
  ActorCount,
  ArticleInput,
  DyadRow,
  EventQuery,
  Period,
  PutResult,
  Store,
  StoreStats,
  StoredArticle,
  StoredMention,
  StoryEvent,
  TimelineRow,
} from './store.js';

type Trx = Transaction<Database>;
type EventRow = Selectable<EventsTable>;

/** A stored story event a new mention might join. */
interface Candidate {
  id: number;
  window: MentionFacts['window'];
  n: number;
  tally: string;
}

/** A story event being changed by one article: its tally, and what is stored of it. */
interface Touched {
  tally: Tally;
  facts: MentionFacts;
  /** The actor keys it is already filed under. */
  keys: Set<string>;
}

/** The longest window a story event can have (a year-precise date). */
const LONGEST_WINDOW_DAYS = 366;
/** How many near-duplicate candidates are compared per article, newest first. */
const CANDIDATES = 50;
/** Index entries counted per key when choosing which of a dyad's keys to walk. */
const WALK_COUNT_CAP = 1000;
/** Rows per multi-row INSERT, under every backend's limit on bound parameters. */
const CHUNK = 200;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

function outletOf(a: ArticleInput['article']): string {
  if (a.source) return a.source;
  if (a.url)
    try {
      return new URL(a.url).hostname.replace(/^www\./, '');
    } catch {
      // Not a URL: the article counts as its own outlet.
    }
  return `article:${a.id}`;
}

function eventColumns(t: Tally, f: Pick<MentionFacts, 'mergeKey' | 'pair' | 'root' | 'modality'>) {
  const s = summarize(t, f.modality);
  const v = s.version;
  return {
    row: {
      merge_key: f.mergeKey,
      pair: f.pair,
      root: f.root,
      modality: f.modality,
      src_code: v.source.code,
      src_country: v.source.country,
      src_org: v.source.org,
      tgt_code: v.target?.code ?? null,
      tgt_country: v.target?.country ?? null,
      tgt_org: v.target?.org ?? null,
      cameo: v.cameo,
      label: v.label,
      quad: v.quad,
      goldstein: v.goldstein,
      plover: v.plover,
      plover_mode: v.mode,
      date_value: s.date?.value ?? null,
      date_precision: s.date?.precision ?? null,
      date_basis: s.date?.basis ?? null,
      day: s.day,
      win_start: s.window?.start ?? null,
      win_end: s.window?.end ?? null,
      place_name: s.place?.name ?? null,
      place_country: s.place?.country ?? null,
      lat: s.place?.lat ?? null,
      lon: s.place?.lon ?? null,
      num_mentions: s.numMentions,
      num_articles: s.numArticles,
      num_sources: s.numSources,
      first_report: s.firstReport,
      last_report: s.lastReport,
    },
    tally: JSON.stringify(t),
    actorKeys: s.actorKeys,
    day: s.day,
  };
}

function toStoryEvent(
  r: EventRow,
  mentionIds: string[],
  articleIds: string[],
  sourceUrl: string | null,
  inLead: boolean,
): StoryEvent {
  return {
    id: r.id,
    source: { code: r.src_code, country: r.src_country, org: r.src_org },
    target: r.tgt_code ? { code: r.tgt_code, country: r.tgt_country, org: r.tgt_org } : null,
    cameo: r.cameo,
    cameoLabel: r.label,
    plover: { type: r.plover, mode: r.plover_mode },
    quadClass: r.quad,
    goldstein: r.goldstein,
    modality: r.modality,
    date:
      r.date_value && r.day
        ? {
            value: r.date_value,
            precision: r.date_precision as 'day' | 'month' | 'year',
            basis: r.date_basis as 'text' | 'published',
            day: r.day,
          }
        : null,
    location: r.place_name
      ? { name: r.place_name, country: r.place_country, lat: r.lat, lon: r.lon }
      : null,
    numMentions: r.num_mentions,
    numArticles: r.num_articles,
    numSources: r.num_sources,
    firstReport: r.first_report,
    lastReport: r.last_report,
    mentionIds,
    articleIds,
    sourceUrl,
    inLead,
  };
}

/** Events, mentions, events per QuadClass and the Goldstein sum, for any grouping. */
function sums(mentions: 'num_mentions' | 'mentions') {
  return [
    sql<number>`count(*)`.as('events'),
    sql<number>`sum(${sql.ref(mentions)})`.as('mentions'),
    sql<number>`sum(case when quad = 1 then 1 else 0 end)`.as('q1'),
    sql<number>`sum(case when quad = 2 then 1 else 0 end)`.as('q2'),
    sql<number>`sum(case when quad = 3 then 1 else 0 end)`.as('q3'),
    sql<number>`sum(case when quad = 4 then 1 else 0 end)`.as('q4'),
    sql<number>`sum(goldstein)`.as('goldstein'),
  ] as const;
}

function quad(rows: { q1: unknown; q2: unknown; q3: unknown; q4: unknown }) {
  return [Number(rows.q1), Number(rows.q2), Number(rows.q3), Number(rows.q4)] as [
    number,
    number,
    number,
    number,
  ];
}

/**
 * The Store over any SQL database Kysely speaks; the backend supplies the connection, the
 * migrations and the few dialect parts (full text, date buckets).
 */
export class SqlStore implements Store {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialectParts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async articleHash(id: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('articles')
      .select('content_hash')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.content_hash ?? null;
  }

  async putArticle(input: ArticleInput): Promise<PutResult> {
    const [result] = await this.putArticles([input]);
    if (result?.status === 'failed') throw result.error;
    return result as PutResult;
  }

  async putArticles(inputs: ArticleInput[]): Promise<PutResult[]> {
    const trx = await this.db.startTransaction().execute();
    const results: PutResult[] = [];
    try {
      for (const input of inputs) {
        // Each article is atomic: a failure undoes that article only.
        const sp = await trx.savepoint('article').execute();
        try {
          results.push(await this.put(sp, input));
          await sp.releaseSavepoint('article').execute();
        } catch (error) {
          await sp.rollbackToSavepoint('article').execute();
          await sp.releaseSavepoint('article').execute();
          results.push({ status: 'failed', storyId: null, mentions: 0, events: [], error });
        }
      }
      await trx.commit().execute();
    } catch (error) {
      await trx.rollback().execute();
      throw error;
    }
    return results;
  }

  private async put(trx: Trx, input: ArticleInput): Promise<PutResult> {
    const { article, records, contentHash } = input;
    const old = await trx
      .selectFrom('articles')
      .select(['seq', 'content_hash', 'story_id', 'signature', 'shingles'])
      .where('id', '=', article.id)
      .executeTakeFirst();
    if (old && old.content_hash === contentHash)
      return { status: 'unchanged', storyId: old.story_id, mentions: 0, events: [] };
    const changed = new Set<number>();
    if (old) {
      for (const m of await trx
        .selectFrom('mentions')
        .select('event_id')
        .where('article_seq', '=', old.seq)
        .execute())
        changed.add(m.event_id);
      await trx.deleteFrom('mentions').where('article_seq', '=', old.seq).execute();
      await trx
        .deleteFrom('article_bands')
        .where('band', 'in', bandKeys(decodeSignature(old.signature, old.shingles)))
        .where('article_seq', '=', old.seq)
        .execute();
      await trx.deleteFrom('articles').where('seq', '=', old.seq).execute();
      for (const id of changed) await this.rebuild(trx, id);
    }
    const sig = signature(`${article.title ?? ''}\n${article.text}`);
    const bands = bandKeys(sig);
    const added = this.now().toISOString();
    const storyId =
      (await this.findStory(trx, sig, bands)) ??
      (
        await trx
          .insertInto('stories')
          .values({ first_article: article.id, created_at: added })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const { seq } = await trx
      .insertInto('articles')
      .values({
        id: article.id,
        url: article.url ?? null,
        title: article.title ?? null,
        source: article.source ?? null,
        published: article.published ?? null,
        text: article.text,
        content_hash: contentHash,
        signature: encodeSignature(sig),
        shingles: sig.shingles,
        story_id: storyId,
        added_at: added,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('article_bands')
      .values([...new Set(bands)].map((band) => ({ band, article_seq: seq })))
      .execute();
    const context: MentionContext = {
      articleSeq: seq,
      storyId,
      outlet: outletOf(article),
      reportDay: article.published?.slice(0, 10) ?? added.slice(0, 10),
    };
    const ids = await this.merge(trx, records, context);
    for (const id of ids) changed.add(id);
    return {
      status: old ? 'replaced' : 'added',
      storyId,
      mentions: records.length,
      events: [...changed],
    };
  }

  /** The story of the most similar stored article, if any is a near duplicate. */
  private async findStory(
    trx: Trx,
    sig: ReturnType<typeof signature>,
    bands: number[],
  ): Promise<number | null> {
    const candidates = await trx
      .selectFrom('articles')
      .select(['signature', 'shingles', 'story_id'])
      .where(
        'seq',
        'in',
        trx
          .selectFrom('article_bands')
          .select('article_seq')
          .where('band', 'in', bands)
          .orderBy('article_seq', 'desc')
          .limit(CANDIDATES),
      )
      .execute();
    let bestStory: number | null = null;
    let bestScore = 0;
    for (const c of candidates) {
      const { same, score } = nearDuplicate(sig, decodeSignature(c.signature, c.shingles));
      if (same && score > bestScore) {
        bestStory = c.story_id;
        bestScore = score;
      }
    }
    return bestStory;
  }

  /** Story events that a mention of each fact could join: one query for the whole article. */
  private async candidates(trx: Trx, facts: MentionFacts[]) {
    const byKey = new Map<string, Candidate[]>();
    if (facts.length === 0) return byKey;
    const rows = await trx
      .selectFrom('events')
      .innerJoin('event_tallies', 'event_tallies.event_id', 'events.id')
      .select(['id', 'merge_key', 'win_start', 'win_end', 'num_mentions', 'tally'])
      .where((eb) =>
        eb.or(
          facts.map((f) =>
            f.window
              ? eb.and([
                  eb('merge_key', '=', f.mergeKey),
                  eb('win_start', '<=', f.window.end),
                  // No window is longer than a year: bound the index range from below too.
                  eb('win_start', '>=', addDays(f.window.start, -LONGEST_WINDOW_DAYS)),
                  eb('win_end', '>=', f.window.start),
                ])
              : eb.and([eb('merge_key', '=', f.mergeKey), eb('win_start', 'is', null)]),
          ),
        ),
      )
      .execute();
    for (const e of rows)
      byKey.set(e.merge_key, [
        ...(byKey.get(e.merge_key) ?? []),
        {
          id: e.id,
          window: e.win_start && e.win_end ? { start: e.win_start, end: e.win_end } : null,
          n: e.num_mentions,
          tally: e.tally,
        },
      ]);
    return byKey;
  }

  /** Puts each record into a story event (an existing one when compatible) and stores it. */
  private async merge(trx: Trx, records: EventRecord[], context: MentionContext) {
    const facts = records.map((r) => factsOf(r, context));
    const stored = await this.candidates(trx, facts);
    // Story events touched by this article, kept in memory until the article is merged;
    // new ones get negative ids until they are written.
    const touched = new Map<number, Touched>();
    let fresh = 0;
    const eventOf: number[] = [];
    for (const f of facts) {
      const found = new Map<number, { window: MentionFacts['window']; n: number }>();
      for (const c of stored.get(f.mergeKey) ?? []) found.set(c.id, c);
      for (const [id, t] of touched)
        if (t.facts.mergeKey === f.mergeKey) {
          const s = summarize(t.tally, f.modality);
          found.set(id, { window: s.window, n: s.numMentions });
        }
      let chosen: number | null = null;
      let most = -1;
      for (const [id, e] of found)
        if (overlaps(e.window, f.window) && (e.n > most || (e.n === most && id < (chosen ?? id))))
          [chosen, most] = [id, e.n];
      if (chosen === null) {
        chosen = --fresh;
        touched.set(chosen, { tally: emptyTally(), facts: f, keys: new Set() });
      }
      let t = touched.get(chosen);
      if (!t) {
        const c = stored.get(f.mergeKey)?.find((x) => x.id === chosen) as Candidate;
        const tally = JSON.parse(c.tally) as Tally;
        t = { tally, facts: f, keys: new Set(Object.keys(tally.actors)) };
        touched.set(chosen, t);
      }
      addMention(t.tally, f);
      eventOf.push(chosen);
    }
    const ids = await this.writeEvents(trx, touched);
    const rows = records.map((r, i) => ({
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
      record: JSON.stringify(r),
    }));
    for (const part of chunks(rows)) await trx.insertInto('mentions').values(part).execute();
    return [...ids.values()];
  }

  /**
   * Writes the summaries of touched story events: new ones (ids below 0) in one insert with
   * ids taken after the largest (the transaction is the only writer), others updated; each
   * is filed under the actor keys it gained. Returns the stored id of every touched event.
   */
  private async writeEvents(trx: Trx, touched: Map<number, Touched>): Promise<Map<number, number>> {
    const ids = new Map<number, number>();
    const inserts: (ReturnType<typeof eventColumns>['row'] & { id: number })[] = [];
    const tallies: { event_id: number; tally: string }[] = [];
    const actors: Selectable<Database['event_actors']>[] = [];
    let next = 0;
    if ([...touched.keys()].some((id) => id < 0)) {
      const top = await trx
        .selectFrom('events')
        .select((eb) => eb.fn.max('id').as('top'))
        .executeTakeFirst();
      next = Number(top?.top ?? 0);
    }
    for (const [id, t] of touched) {
      const { row, tally, actorKeys, day } = eventColumns(t.tally, t.facts);
      const eventId = id < 0 ? ++next : id;
      ids.set(id, eventId);
      if (id < 0) {
        inserts.push({ ...row, id: eventId });
        tallies.push({ event_id: eventId, tally });
      } else {
        await trx.updateTable('events').set(row).where('id', '=', id).execute();
        await trx.updateTable('event_tallies').set({ tally }).where('event_id', '=', id).execute();
        await trx
          .updateTable('event_actors')
          .set({
            day: day ?? '',
            quad: row.quad,
            goldstein: row.goldstein,
            mentions: row.num_mentions,
          })
          .where('event_id', '=', id)
          .execute();
      }
      for (const k of actorKeys)
        if (!t.keys.has(k))
          // The day is part of the key, so undated events file under ''.
          actors.push({
            key: k.slice(2),
            side: k.slice(0, 1),
            event_id: eventId,
            day: day ?? '',
            quad: row.quad,
            goldstein: row.goldstein,
            mentions: row.num_mentions,
          });
    }
    for (const part of chunks(inserts)) await trx.insertInto('events').values(part).execute();
    for (const part of chunks(tallies))
      await trx.insertInto('event_tallies').values(part).execute();
    for (const part of chunks(actors))
      await trx
        .insertInto('event_actors')
        .values(part)
        .onConflict((oc) => oc.doNothing())
        .execute();
    return ids;
  }

  /** Recounts a story event from the mentions it still has, or removes it when none are left. */
  private async rebuild(trx: Trx, id: number): Promise<void> {
    const rows = await trx
      .selectFrom('mentions')
      .innerJoin('articles', 'articles.seq', 'mentions.article_seq')
      .select([
        'mentions.record',
        'articles.seq',
        'articles.story_id',
        'articles.id',
        'articles.source',
        'articles.url',
        'articles.published',
        'articles.added_at',
      ])
      .where('mentions.event_id', '=', id)
      .execute();
    if (rows.length === 0) {
      await trx.deleteFrom('event_actors').where('event_id', '=', id).execute();
      await trx.deleteFrom('event_tallies').where('event_id', '=', id).execute();
      await trx.deleteFrom('events').where('id', '=', id).execute();
      return;
    }
    const tally = emptyTally();
    let facts: MentionFacts | null = null;
    for (const r of rows) {
      facts = factsOf(JSON.parse(r.record) as EventRecord, {
        articleSeq: r.seq,
        storyId: r.story_id,
        outlet: outletOf({ id: r.id, text: '', source: r.source, url: r.url }),
        reportDay: r.published?.slice(0, 10) ?? r.added_at.slice(0, 10),
      });
      addMention(tally, facts);
    }
    // Keys can be lost here: file the event afresh.
    await trx.deleteFrom('event_actors').where('event_id', '=', id).execute();
    await this.writeEvents(
      trx,
      new Map([[id, { tally, facts: facts as MentionFacts, keys: new Set<string>() }]]),
    );
  }

  async article(id: string): Promise<StoredArticle | null> {
    const r = await this.db
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      url: r.url,
      title: r.title,
      source: r.source,
      published: r.published,
      text: r.text,
      contentHash: r.content_hash,
      storyId: r.story_id,
    };
  }

  private async withMentionIds(rows: EventRow[]): Promise<StoryEvent[]> {
    const links = new Map(
      rows.map((r) => [
        r.id,
        {
          mentions: [] as string[],
          articles: [] as string[],
          url: null as string | null,
          lead: false,
        },
      ]),
    );
    for (const part of chunks(rows.map((r) => r.id)))
      for (const m of await this.db
        .selectFrom('mentions')
        .innerJoin('articles', 'articles.seq', 'mentions.article_seq')
        .select([
          'mentions.id',
          'mentions.event_id',
          'mentions.sentence_index',
          'articles.id as article',
          'articles.url',
        ])
        .where('mentions.event_id', 'in', part)
        .orderBy('articles.seq')
        .orderBy('mentions.id')
        .execute()) {
        const l = links.get(m.event_id);
        if (!l) continue;
        l.mentions.push(m.id);
        if (!l.articles.includes(m.article)) l.articles.push(m.article);
        l.url ??= m.url;
        if (m.sentence_index === 0) l.lead = true;
      }
    return rows.map((r) => {
      const l = links.get(r.id);
      return toStoryEvent(
        r,
        l?.mentions ?? [],
        l?.articles ?? [],
        l?.url ?? null,
        l?.lead ?? false,
      );
    });
  }

  async events(q: EventQuery): Promise<StoryEvent[]> {
    const walk = await this.cheapestWalk(q);
    if (walk) return this.withMentionIds(await this.walkEvents(walk));
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where((eb) => eventConditions(eb, q, this.dialect))
      // Newest first, undated last, in the order of the (day, id) index so a LIMIT stops early.
      .orderBy('day', (ob) => ob.desc().nullsLast())
      .orderBy('id', 'desc')
      .limit(q.limit ?? 50)
      .execute();
    return this.withMentionIds(rows);
  }

  /** Of the key walks a query allows, the one over the fewest index entries (counted to a cap). */
  private async cheapestWalk(q: EventQuery): Promise<KeyWalk | null> {
    const walks = keyWalks(q);
    if (walks.length < 2) return walks[0] ?? null;
    const sizes = await Promise.all(
      walks.map(async (w) => {
        let entries = this.db
          .selectFrom('event_actors')
          .select(sql`1`.as('one'))
          .where('key', '=', w.key);
        if (q.from) entries = entries.where('day', '>=', q.from);
        if (q.to) entries = entries.where('day', '<=', q.to);
        const row = await this.db
          .selectFrom(entries.limit(WALK_COUNT_CAP).as('e'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return Number(row.n);
      }),
    );
    return walks[sizes.indexOf(Math.min(...sizes))] ?? null;
  }

  /**
   * Story events read along one actor key's (key, day) index entries, newest first, so the
   * LIMIT stops the walk; every other filter is checked on the events met.
   */
  private async walkEvents(walk: KeyWalk): Promise<EventRow[]> {
    const { key, side, other, rest } = walk;
    let query = this.db
      .selectFrom('event_actors as ea')
      .innerJoin('events', 'events.id', 'ea.event_id')
      .selectAll('events')
      .where('ea.key', '=', key);
    if (rest.from) query = query.where('ea.day', '>=', rest.from);
    if (rest.to) query = query.where('ea.day', '<=', rest.to);
    query = side
      ? query.where('ea.side', '=', side)
      : // A key on both sides of one event is met twice: keep the source side's entry.
        query.where((eb) =>
          eb.or([
            eb('ea.side', '=', 's'),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('event_actors as x')
                  .select(sql`1`.as('one'))
                  .whereRef('x.event_id', '=', 'ea.event_id')
                  .whereRef('x.key', '=', 'ea.key')
                  .where('x.side', '=', 's'),
              ),
            ),
          ]),
        );
    if (other)
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('event_actors as o')
            .select(sql`1`.as('one'))
            .whereRef('o.event_id', '=', 'ea.event_id')
            .where('o.key', '=', other)
            .whereRef('o.side', '<>', 'ea.side'),
        ),
      );
    return query
      .where((eb) =>
        eventConditions(eb as unknown as ExpressionBuilder<Database, 'events'>, rest, this.dialect),
      )
      .orderBy('ea.day', 'desc')
      .orderBy('ea.event_id', 'desc')
      .limit(rest.limit ?? 50)
      .execute();
  }

  async event(id: number): Promise<StoryEvent | null> {
    const row = await this.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? ((await this.withMentionIds([row]))[0] ?? null) : null;
  }

  async mentions(
    q: EventQuery & { eventId?: number; articleId?: string },
  ): Promise<StoredMention[]> {
    let query = this.db
      .selectFrom('mentions')
      .innerJoin('articles', 'articles.seq', 'mentions.article_seq')
      .select(['mentions.event_id', 'mentions.record', 'articles.id as article_id'])
      .where((eb) => mentionConditions(eb, q, this.dialect));
    if (q.eventId !== undefined) query = query.where('mentions.event_id', '=', q.eventId);
    if (q.articleId !== undefined) query = query.where('articles.id', '=', q.articleId);
    const rows = await query
      .orderBy('mentions.day', (ob) => ob.desc().nullsLast())
      .orderBy('mentions.id')
      .limit(q.limit ?? 50)
      .execute();
    return rows.map((r) => ({
      eventId: r.event_id,
      articleId: r.article_id,
      record: JSON.parse(r.record) as EventRecord,
    }));
  }

  async dyads(q: EventQuery): Promise<DyadRow[]> {
    const rows = await this.db
      .selectFrom('events')
      .select(['pair', ...sums('num_mentions')])
      .where((eb) => eventConditions(eb, q, this.dialect))
      .where('tgt_code', 'is not', null)
      .groupBy('pair')
      .orderBy('events', 'desc')
      .orderBy('pair')
      .limit(q.limit ?? 20)
      .execute();
    return rows.map((r) => ({
      pair: r.pair,
      events: Number(r.events),
      mentions: Number(r.mentions),
      quad: quad(r),
      goldstein: Math.round(Number(r.goldstein) * 10) / 10,
    }));
  }

  async timeline(q: EventQuery, by: Period): Promise<TimelineRow[]> {
    const period = this.dialect.bucket(by, 'day');
    const onlyActor = Object.keys(q).every((k) => ['actor', 'from', 'to', 'limit'].includes(k));
    const rows = await (q.actor && onlyActor
      ? this.actorTimeline(q.actor, q, period)
      : this.db
          .selectFrom('events')
          .select([period.as('period'), ...sums('num_mentions')])
          .where((eb) => eventConditions(eb, q, this.dialect))
          .where('day', 'is not', null)
          .groupBy(period)
          .orderBy(period)
          .execute());
    return rows.map((r) => {
      const events = Number(r.events);
      const goldstein = Number(r.goldstein);
      return {
        period: r.period,
        events,
        mentions: Number(r.mentions),
        quad: quad(r),
        goldstein: Math.round(goldstein * 10) / 10,
        meanGoldstein: Math.round((goldstein / events) * 100) / 100,
      };
    });
  }

  /**
   * The timeline of one actor read from the actor index alone, which carries each event's
   * day, class, score and mentions: no lookup of the event rows.
   */
  private actorTimeline(
    keys: string[],
    q: EventQuery,
    period: ReturnType<SqlDialectParts['bucket']>,
  ) {
    let events = this.db
      .selectFrom('event_actors')
      .select(['event_id', 'day', 'quad', 'goldstein', 'mentions'])
      .distinct()
      .where('key', 'in', keys)
      .where('day', '!=', '');
    if (q.from) events = events.where('day', '>=', q.from);
    if (q.to) events = events.where('day', '<=', q.to);
    return this.db
      .selectFrom(events.as('e'))
      .select([period.as('period'), ...sums('mentions')])
      .groupBy(period)
      .orderBy(period)
      .execute();
  }

  async actorCounts(q: { query?: string[]; limit?: number }): Promise<ActorCount[]> {
    let query = this.db
      .selectFrom('event_actors')
      .select((eb) => [
        'key',
        eb.fn.count<number>('event_id').distinct().as('events'),
        sql<number>`sum(case when side = 's' then 1 else 0 end)`.as('as_source'),
        sql<number>`sum(case when side = 't' then 1 else 0 end)`.as('as_target'),
      ])
      .groupBy('key');
    if (q.query) query = query.where('key', 'in', q.query.length ? q.query : ['']);
    const rows = await query
      .orderBy('events', 'desc')
      .orderBy('key')
      .limit(q.limit ?? 50)
      .execute();
    return rows.map((r) => ({
      key: r.key,
      events: Number(r.events),
      asSource: Number(r.as_source),
      asTarget: Number(r.as_target),
    }));
  }

  async stats(): Promise<StoreStats> {
    const count = async (table: 'articles' | 'mentions' | 'events') =>
      Number(
        (
          await this.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const stories = await this.db
      .selectFrom('articles')
      .select((eb) => eb.fn.count<number>('story_id').distinct().as('n'))
      .executeTakeFirstOrThrow();
    return {
      articles: await count('articles'),
      stories: Number(stories.n),
      mentions: await count('mentions'),
      events: await count('events'),
    };
  }

  async stories(): Promise<{ id: number; articles: string[] }[]> {
    const rows = await this.db
      .selectFrom('articles')
      .select(['story_id', 'id'])
      .orderBy('story_id')
      .orderBy('seq')
      .execute();
    const out = new Map<number, string[]>();
    for (const r of rows) out.set(r.story_id, [...(out.get(r.story_id) ?? []), r.id]);
    return [...out].map(([id, articles]) => ({ id, articles }));
  }

  feedState(url: string): Promise<FeedState | null> {
    return feedStateOf(this.db, url);
  }

  saveFeedState(state: FeedState): Promise<void> {
    return saveFeedStateOf(this.db, state);
  }

  findSeen(keys: SeenKey[]): Promise<SeenMatch | null> {
    return findSeenOf(this.db, keys);
  }

  markSeen(entries: SeenEntry[]): Promise<void> {
    return markSeenOf(this.db, entries, this.now());
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
