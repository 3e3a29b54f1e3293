import { CHUNK_CHARS, codeSlices, codeText } from '../code.js';
import { readInputs } from '../ingest/sources.js';
import { contentHash, openStore, type ArticleInput, type Store } from '../store/index.js';
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
        await flush(store, batch, counts);
        const where = input.where;
        const moreRecords = function* () {
          for (const part of codeSlices(article)) {
            for (const issue of part.issues) console.error(`dragoman: ${where}: ${issue.message}`);
            yield part.records;
          }
        };
        batch.push({ input: { article, records: [], moreRecords, contentHash: hash }, where });
        await flush(store, batch, counts);
      } else {
        const { records, issues } = codeText(article);
        for (const issue of issues) console.error(`dragoman: ${input.where}: ${issue.message}`);
        if (batch.length === 0) batchStarted = Date.now();
        batch.push({ input: { article, records, contentHash: hash }, where: input.where });
        if (batch.length >= opts.commitEvery || Date.now() - batchStarted >= BATCH_MS)
          await flush(store, batch, counts);
      }
      const done = counts.added + counts.replaced + counts.unchanged + batch.length;
      progress.update(`stored ${done} articles, ${counts.mentions} event mentions`);
    }
    await flush(store, batch, counts);
  } finally {
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
