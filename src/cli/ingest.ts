import { codeText } from '../code.js';
import { readInputs } from '../ingest/sources.js';
import { contentHash, openStore } from '../store/index.js';
import { EXIT, UsageError } from './errors.js';
import { Progress } from './progress.js';

export interface IngestCommandOptions {
  db: string;
  published?: string;
}

/**
 * `dragoman ingest`: codes articles and stores them, one transaction an article, skipping
 * articles already stored with the same content.
 */
export async function runIngest(paths: string[], opts: IngestCommandOptions): Promise<number> {
  if (paths.length === 0 && process.stdin.isTTY)
    throw new UsageError(
      'ingest needs files, folders, or - to read JSON Lines from standard input',
    );
  const store = await openStore(opts.db);
  const progress = new Progress();
  const counts = { added: 0, replaced: 0, unchanged: 0, mentions: 0, skipped: 0 };
  const started = performance.now();
  let stopping = false;
  const stop = () => (stopping = true);
  // Finish the article in hand, then stop: the store stays whole.
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
      } else {
        const { records, issues } = codeText(article);
        for (const issue of issues) console.error(`dragoman: ${input.where}: ${issue.message}`);
        const result = await store.putArticle({ article, records, contentHash: hash });
        counts[result.status]++;
        counts.mentions += result.mentions;
      }
      const done = counts.added + counts.replaced + counts.unchanged;
      progress.update(`stored ${done} articles, ${counts.mentions} event mentions`);
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    const stats = await store.stats();
    await store.close();
    const seconds = (performance.now() - started) / 1000;
    progress.done();
    console.error(
      `dragoman: ${counts.added} added, ${counts.replaced} replaced, ${counts.unchanged} unchanged` +
        `${counts.skipped ? `, ${counts.skipped} inputs skipped` : ''}; ` +
        `${counts.mentions} mentions stored in ${seconds.toFixed(1)} s. ` +
        `Store ${opts.db}: ${stats.articles} articles in ${stats.stories} stories, ` +
        `${stats.mentions} mentions in ${stats.events} story events.`,
    );
  }
  if (stopping) return EXIT.failure;
  return counts.skipped > 0 ? EXIT.skipped : EXIT.ok;
}
