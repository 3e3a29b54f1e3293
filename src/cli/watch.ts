import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeText } from '../code.js';
import { HttpClient } from '../fetch/client.js';
import { userAgent } from '../fetch/options.js';
import { formatDuration } from '../feeds/duration.js';
import { parseFeedList } from '../feeds/feed-list.js';
import { runRound, type FeedSummary } from '../feeds/round.js';
import { openStore } from '../store/index.js';
import { EXIT, UsageError } from './errors.js';
import { Progress } from './progress.js';
import type { WatchCommandOptions } from './watch-flags.js';

/** Rounds an entry's page may fail before it is given up for good. */
const GIVE_UP_AFTER = 5;
/** Articles stored per transaction within a feed. */
const GROUP = 100;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * One line per feed: what came of the request and of its entries.
 * @example 'https://x.org/feed.xml: 3 new, 1 seen, 0 skipped, 0 failed (HTTP 200, 4.2s)'
 */
export function feedLine(s: FeedSummary): string {
  const time = seconds(s.ms);
  if (s.outcome === 'failed') return `${s.url}: FAILED: ${s.error ?? 'unknown error'} (${time})`;
  const counts = `${s.added} new, ${s.seen} seen, ${s.skipped} skipped, ${s.failed} failed`;
  const stopped = s.interrupted ? ', stopped early' : '';
  return s.outcome === 'not-modified'
    ? `${s.url}: not modified, ${counts} (HTTP 304, ${time}${stopped})`
    : `${s.url}: ${counts} (HTTP ${s.status}, ${time}${stopped})`;
}

/** The feed list, reported line by line when it changed since the last read. */
async function readList(
  file: string,
  last: { text: string | null; urls: string[] },
): Promise<{ urls: string[]; bad: number }> {
  let text: string;
  try {
    const bytes = await readFile(file);
    if (bytes.includes(0) || !isUtf8(bytes)) throw new Error('binary, or not UTF-8 text');
    text = bytes.toString('utf8');
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    if (last.text === null) throw new UsageError(`cannot read the feed list ${file} (${why})`);
    console.error(`dragoman: ${file}: cannot read the feed list (${why}); keeping the last one`);
    return { urls: last.urls, bad: 0 };
  }
  const { urls, issues } = parseFeedList(text, file);
  if (text !== last.text)
    for (const i of issues) console.error(`dragoman: ${i.where}: ${i.message}, skipped`);
  if (urls.length === 0) throw new UsageError(`${file} lists no feed URL`);
  last.text = text;
  last.urls = urls;
  return { urls, bad: issues.length };
}

/**
 * `dragoman watch`: every `--every`, fetches each feed of the list, and reads, codes and stores
 * the entries not seen before; `--once` does one round. A signal finishes the article in hand,
 * commits and stops. Exit 0 when all went well, 3 when a feed, page or list line failed, 2 for
 * a usage error, 1 when a signal cut a `--once` round short.
 */
export async function runWatch(opts: WatchCommandOptions): Promise<number> {
  const list = { text: null as string | null, urls: [] as string[] };
  let { urls, bad } = await readList(opts.feeds, list);
  const store = await openStore(opts.db);
  const http = new HttpClient({
    userAgent: userAgent(opts.contact),
    ratePerHost: opts.rate,
    timeoutMs: opts.timeout,
    maxBytes: opts.maxBytes,
    retries: opts.retries,
  });
  const progress = new Progress();
  const wake = new AbortController();
  let stopping = false;
  const stop = () => {
    stopping = true;
    wake.abort();
    progress.done();
    console.error('dragoman: stopping after the article in hand (again to quit at once)');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let round = 0;
  // How the last round went, for the exit code.
  const last = { troubled: false, cutShort: false };
  try {
    for (;;) {
      round++;
      const started = Date.now();
      if (round > 1) ({ urls, bad } = await readList(opts.feeds, list));
      let feedNo = 0;
      const summaries = await runRound(
        urls,
        {
          store,
          http,
          code: (article) => codeText(article),
          report: (where, message) => {
            progress.done();
            console.error(`dragoman: ${where}: ${message}`);
          },
          progress: (url, done, total) =>
            progress.update(
              `round ${round}: feed ${feedNo + 1}/${urls.length} ${new URL(url).host}: entry ${done + 1}/${total}`,
            ),
          stopping: () => stopping,
          groupSize: GROUP,
          giveUpAfter: GIVE_UP_AFTER,
        },
        (s) => {
          feedNo++;
          progress.done();
          console.log(feedLine(s));
        },
      );
      const sum = (k: 'added' | 'mentions' | 'failed' | 'skipped') =>
        summaries.reduce((n, s) => n + s[k], 0);
      const failedFeeds = summaries.filter((s) => s.outcome === 'failed').length;
      last.troubled = bad + failedFeeds + sum('failed') + sum('skipped') > 0;
      last.cutShort = summaries.length < urls.length || summaries.some((s) => s.interrupted);
      const stats = await store.stats();
      const next =
        opts.once || stopping
          ? ''
          : `; next round at ${new Date(started + opts.every).toTimeString().slice(0, 8)}`;
      console.error(
        `dragoman: round ${round}: ${plural(summaries.length, 'feed')}` +
          `${failedFeeds ? ` (${failedFeeds} failed)` : ''}, ${plural(sum('added'), 'new article')}, ` +
          `${plural(sum('mentions'), 'mention')} in ${formatDuration(Date.now() - started)}. ` +
          `Store ${opts.db}: ${stats.articles} articles, ${stats.events} story events${next}.`,
      );
      if (opts.once || stopping) break;
      await sleep(Math.max(0, started + opts.every - Date.now()), undefined, {
        signal: wake.signal,
      }).catch(() => undefined);
      if (stopping) break;
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    progress.done();
    await store.close();
  }
  // Stopping a continuous watch is how it ends; a cut-short --once round did not finish its job.
  if (opts.once && last.cutShort) return EXIT.failure;
  return last.troubled ? EXIT.skipped : EXIT.ok;
}
