import type { Kysely } from 'kysely';
import type { FeedState, PendingEntry, SeenEntry, SeenKey, SeenMatch } from './feeds.js';
import type { Database } from './schema.js';

/**
 * The feed state of any SQL store, as plain functions of a Kysely connection so that every
 * backend shares them.
 * @example await feedStateOf(db, 'https://example.org/feed.xml')
 */
export async function feedStateOf(db: Kysely<Database>, url: string): Promise<FeedState | null> {
  const row = await db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
  if (!row) return null;
  return {
    url: row.url,
    etag: row.etag,
    lastModified: row.last_modified,
    lastFetched: row.last_fetched,
    lastStatus: row.last_status,
    failures: row.failures,
    lastError: row.last_error,
    pending: JSON.parse(row.pending) as PendingEntry[],
  };
}

export async function saveFeedStateOf(db: Kysely<Database>, s: FeedState): Promise<void> {
  const row = {
    etag: s.etag,
    last_modified: s.lastModified,
    last_fetched: s.lastFetched,
    last_status: s.lastStatus,
    failures: s.failures,
    last_error: s.lastError,
    pending: JSON.stringify(s.pending),
  };
  await db
    .insertInto('feeds')
    .values({ url: s.url, ...row })
    .onConflict((oc) => oc.column('url').doUpdateSet(row))
    .execute();
}

export async function findSeenOf(db: Kysely<Database>, keys: SeenKey[]): Promise<SeenMatch | null> {
  for (const kind of ['url', 'hash'] as const) {
    const values = keys.filter((k) => k.kind === kind).map((k) => k.value);
    if (values.length === 0) continue;
    const row = await db
      .selectFrom('seen_entries')
      .selectAll()
      .where('kind', '=', kind)
      .where('value', 'in', values)
      .limit(1)
      .executeTakeFirst();
    if (row)
      return {
        key: { kind, value: row.value },
        feedUrl: row.feed_url,
        articleId: row.article_id,
        seenAt: row.seen_at,
      };
  }
  return null;
}

export async function markSeenOf(
  db: Kysely<Database>,
  entries: SeenEntry[],
  now: Date,
): Promise<void> {
  const seenAt = now.toISOString();
  const rows = entries.flatMap((e) =>
    e.keys.map((k) => ({
      kind: k.kind,
      value: k.value,
      feed_url: e.feedUrl,
      article_id: e.articleId,
      seen_at: seenAt,
    })),
  );
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
    // Small groups stay under every backend's limit on bound parameters.
    for (let i = 0; i < rows.length; i += 100)
      await trx
        .insertInto('seen_entries')
        .values(rows.slice(i, i + 100))
        .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
        .execute();
  });
}
