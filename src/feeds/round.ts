import type { HttpClient } from '../fetch/client.js';
import { isPermanent } from '../fetch/outcome.js';
import { fetchArticle } from '../ingest/page.js';
import type { Article, EventRecord, Issue } from '../record.js';
import {
  contentHash,
  type FeedState,
  type PendingEntry,
  type SeenKey,
  type Store,
} from '../store/index.js';
import { parseFeedText, type FeedEntry } from './entries.js';
import { articleKeys, entryKeys } from './keys.js';
import { ArticleWriter, type Written } from './writer.js';

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

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** An entry with the rounds it has failed before. */
interface Work {
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

const keyId = (k: SeenKey) => `${k.kind}:${k.value}`;

function blankState(url: string): FeedState {
  return {
    url,
    etag: null,
    lastModified: null,
    lastFetched: null,
    lastStatus: null,
    failures: 0,
    lastError: null,
    pending: [],
  };
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** One feed's round: fetch it (conditionally), then every entry not seen, oldest first. */
export async function runFeed(
  url: string,
  ctx: RoundContext,
  memory: RoundMemory = newRoundMemory(),
): Promise<FeedSummary> {
  const started = performance.now();
  const prev = (await ctx.store.feedState(url)) ?? blankState(url);
  const summary: FeedSummary = {
    url,
    outcome: 'fetched',
    status: null,
    entries: 0,
    added: 0,
    seen: 0,
    skipped: 0,
    failed: 0,
    mentions: 0,
    ms: 0,
    error: null,
    interrupted: false,
  };
  const res = await ctx.http.get(url, {
    etag: prev.etag,
    lastModified: prev.lastModified,
    accept: FEED_ACCEPT,
  });
  const lastFetched = new Date().toISOString();
  const done = () => ({ ...summary, ms: performance.now() - started });

  const fail = async (status: number | null, message: string) => {
    // The old validators stay: the entries behind them were all dealt with.
    await ctx.store.saveFeedState({
      ...prev,
      lastFetched,
      lastStatus: status,
      failures: prev.failures + 1,
      lastError: message,
    });
    ctx.report(url, message);
    Object.assign(summary, { outcome: 'failed', status, error: message });
    return done();
  };
  if (res.kind === 'failed') return fail(res.status, res.message);

  let work: Work[];
  let validators: Pick<FeedState, 'etag' | 'lastModified'>;
  if (res.kind === 'not-modified') {
    // Unchanged: only the entries that failed last time are tried again.
    summary.outcome = 'not-modified';
    work = prev.pending.map((p) => ({
      entry: { link: p.link, guid: null, title: p.title, published: p.published, text: '' },
      failures: p.failures,
    }));
    validators = { etag: prev.etag, lastModified: prev.lastModified };
  } else {
    const parsed = parseFeedText(res.text, res.url);
    if ('error' in parsed) return fail(res.status, parsed.error);
    const before = new Map(prev.pending.map((p) => [p.link, p.failures]));
    // Feeds list the newest first; stories read better built oldest first.
    work = [...parsed.feed.entries]
      .reverse()
      .map((entry) => ({ entry, failures: before.get(entry.link ?? '') ?? 0 }));
    validators = { etag: res.etag, lastModified: res.lastModified };
  }
  summary.status = res.status;
  summary.entries = work.length;

  const pending: PendingEntry[] = [];
  const entryFailed = async (w: Work, message: string) => {
    const where = w.entry.link ?? url;
    const failures = w.failures + 1;
    if (failures >= ctx.giveUpAfter) {
      await ctx.store.markSeen([{ feedUrl: url, articleId: null, keys: entryKeys(w.entry) }]);
      ctx.report(where, `${message}; given up after ${failures} failed rounds`);
      summary.skipped++;
      return;
    }
    ctx.report(where, message);
    summary.failed++;
    if (w.entry.link)
      pending.push({
        link: w.entry.link,
        title: w.entry.title,
        published: w.entry.published,
        failures,
      });
  };
  const settle = async (written: Written<Work>[]) => {
    for (const w of written) {
      if (w.status === 'failed') await entryFailed(w.entry, `could not be stored: ${w.error}`);
      else if (w.status === 'unchanged') summary.seen++;
      else {
        summary.added++;
        summary.mentions += w.mentions;
      }
    }
  };

  const writer = new ArticleWriter<Work>(ctx.store, ctx.groupSize);
  let i = 0;
  for (; i < work.length; i++) {
    if (ctx.stopping()) break;
    ctx.progress?.(url, i, work.length);
    const w = work[i] as Work;
    const r = await takeEntry(w, url, ctx, memory, writer);
    if (r === 'seen') summary.seen++;
    else if (r === 'skipped') summary.skipped++;
    else if ('failed' in r) await entryFailed(w, r.failed);
    else await settle(r.written);
  }
  await settle(await writer.flush());
  summary.interrupted = i < work.length;
  for (const w of work.slice(i))
    if (w.entry.link)
      pending.push({
        link: w.entry.link,
        title: w.entry.title,
        published: w.entry.published,
        failures: w.failures,
      });
  // New validators only once every entry behind them was dealt with or is pending.
  await ctx.store.saveFeedState({
    url,
    etag: summary.interrupted ? null : validators.etag,
    lastModified: summary.interrupted ? null : validators.lastModified,
    lastFetched,
    lastStatus: res.status,
    failures: 0,
    lastError: null,
    pending,
  });
  return done();
}

type Taken = 'seen' | 'skipped' | { failed: string } | { written: Written<Work>[] };

/** One entry: recognised, skipped for good, failed for now, or read, coded and queued. */
async function takeEntry(
  w: Work,
  feedUrl: string,
  ctx: RoundContext,
  memory: RoundMemory,
  writer: ArticleWriter<Work>,
): Promise<Taken> {
  const { entry } = w;
  const keys = entryKeys(entry);
  const roundSeen = memory.seen;
  if (keys.some((k) => roundSeen.has(keyId(k))) || (await ctx.store.findSeen(keys))) return 'seen';
  const earlier = keys.map((k) => memory.failed.get(keyId(k))).find((m) => m !== undefined);
  if (earlier) return { failed: `${earlier} (earlier this round)` };
  const skip = async (where: string, message: string) => {
    if (keys.length) await ctx.store.markSeen([{ feedUrl, articleId: null, keys }]);
    for (const k of keys) roundSeen.set(keyId(k), null);
    ctx.report(where, message);
    return 'skipped' as const;
  };

  let article: Article;
  let all: SeenKey[];
  if (!entry.link) {
    // An entry without a page: its own text is the article, if it has enough of it.
    if (entry.text.length < 200)
      return skip(
        feedUrl,
        `entry "${entry.title ?? entry.guid ?? '?'}" has no link and little text, skipped`,
      );
    const id =
      entry.guid && /^https?:\/\//.test(entry.guid)
        ? entry.guid
        : `${feedUrl}#${entry.guid ?? keys[0]?.value.slice(0, 16) ?? 'entry'}`;
    article = {
      id,
      text: entry.text,
      title: entry.title,
      published: entry.published,
      url: null,
      source: hostOf(feedUrl),
    };
    all = keys;
  } else {
    const page = await fetchArticle(ctx.http, entry.link, {
      title: entry.title,
      published: entry.published,
    });
    if ('failed' in page) {
      if (isPermanent(page.failed.reason)) return skip(entry.link, page.failed.message);
      for (const k of keys) memory.failed.set(keyId(k), page.failed.message);
      return { failed: page.failed.message };
    }
    if ('empty' in page) return skip(entry.link, page.empty);
    article = page.article;
    const more = articleKeys(article.id, page.finalUrl, article.text);
    const known = more.find((k) => roundSeen.has(keyId(k)));
    const match = known
      ? { articleId: roundSeen.get(keyId(known)) ?? null }
      : await ctx.store.findSeen(more);
    if (match) {
      // The same article under another link, or a copy of one: its links are remembered too.
      await ctx.store.markSeen([{ feedUrl, articleId: match.articleId, keys }]);
      for (const k of keys) roundSeen.set(keyId(k), match.articleId);
      return 'seen';
    }
    all = [...keys, ...more];
  }
  const hash = contentHash(article);
  if ((await ctx.store.articleHash(article.id)) === hash) {
    // Stored before a crash kept it from being marked: mark it now.
    await ctx.store.markSeen([{ feedUrl, articleId: article.id, keys: all }]);
    for (const k of all) roundSeen.set(keyId(k), article.id);
    return 'seen';
  }
  let coded: ReturnType<RoundContext['code']>;
  try {
    coded = ctx.code(article);
  } catch (err) {
    return { failed: `could not be coded: ${(err as Error).message}` };
  }
  for (const k of all) roundSeen.set(keyId(k), article.id);
  const { records, issues } = coded;
  for (const issue of issues) ctx.report(entry.link ?? article.id, issue.message);
  const written = await writer.add(
    { article, records, contentHash: hash },
    { feedUrl, articleId: article.id, keys: all },
    w,
  );
  return { written };
}

/**
 * One round over the feeds, one after another (the store has one writer); `onFeed` hears each
 * feed's summary as it ends. A failing feed is summarised and the round goes on.
 */
export async function runRound(
  urls: readonly string[],
  ctx: RoundContext,
  onFeed: (s: FeedSummary) => void = () => undefined,
): Promise<FeedSummary[]> {
  const memory = newRoundMemory();
  const out: FeedSummary[] = [];
  for (const url of urls) {
    if (ctx.stopping()) break;
    const s = await runFeed(url, ctx, memory);
    out.push(s);
    onFeed(s);
  }
  return out;
}
