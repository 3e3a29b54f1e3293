import type { FeedState, PendingEntry } from '../store/index.js';
import {
  newRoundMemory,
  type FeedSummary,
  type RoundContext,
  type RoundMemory,
  type Work,
} from './context.js';
import { parseFeedText } from './entries.js';
import { entryKeys } from './keys.js';
import { takeEntry } from './take-entry.js';
import { ArticleWriter, type Written } from './writer.js';

export type { FeedSummary, RoundContext } from './context.js';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

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

/**
 * One feed's round: fetch it (conditionally), then every entry not seen, oldest first.
 * @example const summary = await runFeed('https://example.org/feed.xml', ctx)
 */
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

/**
 * One round over the feeds, one after another (the store has one writer); `onFeed` hears each
 * feed's summary as it ends. A failing feed is summarised and the round goes on.
 * @example await runRound(urls, ctx, (s) => console.log(s.url, s.added))
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
