import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import { unpackRecord } from './mention-record.js';
import { eventConditions, keyWalks, mentionConditions, type KeyWalk } from './filters.js';
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

type EventRow = Selectable<EventsTable>;

/** Index entries counted per key when choosing which of a dyad's keys to walk. */
const WALK_COUNT_CAP = 1000;
/** Ids per IN list, under every backend's limit on bound parameters. */
const CHUNK = 200;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
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

/** What stores articles for a backend (the story writer over that backend's statements). */
export interface ArticleWriter {
  putArticles(inputs: ArticleInput[]): PutResult[] | Promise<PutResult[]>;
  close?(): Promise<void>;
}

/**
 * The Store over any SQL database Kysely speaks; the backend supplies the connection, the
 * migrations, the few dialect parts (full text, date buckets) and the article writer.
 */
export class SqlStore implements Store {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialectParts,
    private readonly writer: ArticleWriter,
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
    // Holding Kysely's connection keeps the writer's transaction apart from Kysely's own.
    return this.db.connection().execute(async () => this.writer.putArticles(inputs));
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
      .select([
        'mentions.event_id',
        'mentions.id',
        'mentions.record',
        'articles.id as article_id',
        'articles.text',
      ])
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
      record: unpackRecord(r.record, r.id, r.article_id, r.text),
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
    await this.writer.close?.();
    await this.db.destroy();
  }
}
