import { CHUNK_CHARS } from '../chunk.js';
import type { ArticleResult } from '../pipeline/index.js';
import type { Article } from '../record.js';
import { readInputs } from '../ingest/sources.js';
import { contentHash, openStore, type ArticleInput, type Store } from '../store/index.js';
import { startCoderThread } from './coder-thread.js';
import { EXIT, UsageError } from './errors.js';
import { Progress } from './progress.js';

export interface IngestCommandOptions {
  db: string;
  published?: string;
  /** Articles per commit (1: a transaction for each article). */
  commitEvery: number;
}

/** A group is committed after this long even when not full, so a slow feed loses little. */
const BATCH_MS = 1000;
/**
 * Characters of text handed to the coder's thread and not yet stored: enough to keep it busy
 * while a group is stored, bounded so that memory stays flat.
 */
const IN_FLIGHT_CHARS = 8_000_000;

/** An article handed to the coder's thread, in input order. */
interface InFlight {
  article: Article;
  hash: string;
  where: string;
  result: Promise<ArticleResult>;
  done: boolean;
}

interface Counts {
  added: number;
  replaced: number;
  unchanged: number;
  failed: number;
  mentions: number;
  skipped: number;
}

async function flush(
  store: Store,
  batch: { input: ArticleInput; where: string }[],
  counts: Counts,
): Promise<void> {
  if (batch.length === 0) return;
  const results = await store.putArticles(batch.map((b) => b.input));
  results.forEach((r, i) => {
    counts[r.status]++;
    counts.mentions += r.mentions;
    if (r.status === 'failed')
      console.error(
        `dragoman: ${batch[i]?.where}: could not be stored: ${(r.error as Error).message}`,
      );
  });
  batch.length = 0;
}

/**
 * `dragoman ingest`: codes articles and stores them, skipping articles already stored with
 * the same content. Each article is atomic; commits are grouped, so a crash loses at most the
 * last second of work, which the next run redoes.
 */
export async function runIngest(paths: string[], opts: IngestCommandOptions): Promise<number> {
  if (paths.length === 0 && process.stdin.isTTY)
    throw new UsageError(
      'ingest needs files, folders, or - to read JSON Lines from standard input',
    );
  const store = await openStore(opts.db);
  const progress = new Progress();
  const counts: Counts = {
    added: 0,
    replaced: 0,
    unchanged: 0,
    failed: 0,
    mentions: 0,
    skipped: 0,
  };
  const batch: { input: ArticleInput; where: string }[] = [];
  let batchStarted = 0;
  // Coded on a thread of its own: the next articles are coded while these are stored.
  const coder = startCoderThread();
  const inFlight: InFlight[] = [];
  let inFlightChars = 0;
  /** Takes the oldest coded article into the group, committing the group when due. */
  const settle = async () => {
    const p = inFlight.shift() as InFlight;
    inFlightChars -= p.article.text.length;
    let coded: ArticleResult;
    try {
      coded = await p.result;
    } catch (err) {
      counts.failed++;
      console.error(`dragoman: ${p.where}: could not be coded: ${(err as Error).message}`);
      return;
    }
    for (const issue of coded.issues) console.error(`dragoman: ${p.where}: ${issue.message}`);
    if (batch.length === 0) batchStarted = Date.now();
    batch.push({
      input: { article: p.article, records: coded.records, contentHash: p.hash },
      where: p.where,
    });
    if (batch.length >= opts.commitEvery || Date.now() - batchStarted >= BATCH_MS)
      await flush(store, batch, counts);
  };
  const settleAll = async () => {
    while (inFlight.length) await settle();
  };
  const started = performance.now();
  let stopping = false;
  const stop = () => (stopping = true);
  // Finish the article in hand, commit, then stop: the store stays whole.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for await (const input of readInputs(paths.length ? paths : ['-'])) {
      if (stopping) break;
      if ('issue' in input) {
        counts.skipped++;
        progress.done();
        console.error(`dragoman: ${input.issue.where}: ${input.issue.message}`);
        continue;
      }
      const article = {
        ...input.article,
        published: input.article.published ?? opts.published ?? null,
      };
      const hash = contentHash(article);
      if ((await store.articleHash(article.id)) === hash) {
        counts.unchanged++;
      } else if (article.text.length > CHUNK_CHARS) {
        // A very long article is stored alone, coded slice by slice as it is stored.
        await settleAll();
        await flush(store, batch, counts);
        const where = input.where;
        // Loaded here only: the coder's thread codes everything else.
        const { codeSlices } = await import('../code.js');
        const moreRecords = function* () {
          for (const part of codeSlices(article)) {
            for (const issue of part.issues) console.error(`dragoman: ${where}: ${issue.message}`);
            yield part.records;
          }
        };
        batch.push({ input: { article, records: [], moreRecords, contentHash: hash }, where });
        await flush(store, batch, counts);
      } else {
        const p: InFlight = {
          article,
          hash,
          where: input.where,
          result: coder.code(article),
          done: false,
        };
        void p.result.then(
          () => (p.done = true),
          () => (p.done = true),
        );
        inFlight.push(p);
        inFlightChars += article.text.length;
        // Coded ones go to the group at once; the oldest is waited for only when too much is out.
        while (inFlight.length && (inFlightChars > IN_FLIGHT_CHARS || inFlight[0]?.done))
          await settle();
      }
      const done = counts.added + counts.replaced + counts.unchanged + batch.length;
      progress.update(`stored ${done} articles, ${counts.mentions} event mentions`);
    }
    await settleAll();
    await flush(store, batch, counts);
  } finally {
    await coder.close();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    const stats = await store.stats();
    await store.close();
    const seconds = (performance.now() - started) / 1000;
    progress.done();
    console.error(
      `dragoman: ${counts.added} added, ${counts.replaced} replaced, ${counts.unchanged} unchanged` +
        `${counts.failed ? `, ${counts.failed} failed` : ''}` +
        `${counts.skipped ? `, ${counts.skipped} inputs skipped` : ''}; ` +
        `${counts.mentions} mentions stored in ${seconds.toFixed(1)} s. ` +
        `Store ${opts.db}: ${stats.articles} articles in ${stats.stories} stories, ` +
        `${stats.mentions} mentions in ${stats.events} story events.`,
    );
  }
  if (stopping) return EXIT.failure;
  return counts.skipped + counts.failed > 0 ? EXIT.skipped : EXIT.ok;
}
