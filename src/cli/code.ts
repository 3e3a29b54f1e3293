import { batchWithTimeout } from 'streaming-iterables';
import { BATCH_ARTICLES, CHUNK_CHARS, codeSlices, codeTexts } from '../code.js';
import type { ArticleResult } from '../pipeline/index.js';
import { readInputs } from '../ingest/sources.js';
import { EXIT, UsageError } from './errors.js';
import { RecordWriter, type Format } from './output.js';
import { Progress } from './progress.js';

/** How long a batch waits for more articles when the input pauses. */
const BATCH_WAIT_MS = 50;

export interface CodeCommandOptions {
  format: Format;
  published?: string;
}

/** `dragoman code`: records to stdout, problems and progress to stderr. */
export async function runCode(paths: string[], opts: CodeCommandOptions): Promise<number> {
  if (paths.length === 0 && process.stdin.isTTY)
    throw new UsageError('code needs files, folders, or - to read JSON Lines from standard input');
  let full = false;
  const writer = new RecordWriter(opts.format, (s) => {
    if (!process.stdout.write(s)) full = true;
  });
  const progress = new Progress();
  let articles = 0;
  let events = 0;
  let skipped = 0;
  const coding = { published: opts.published ?? null };
  const write = async (where: string, part: ArticleResult) => {
    for (const issue of part.issues) console.error(`dragoman: ${where}: ${issue.message}`);
    writer.add(part.records);
    events += part.records.length;
    // Wait for a slow reader rather than holding every record in memory.
    if (full) {
      await new Promise((resolve) => process.stdout.once('drain', resolve));
      full = false;
    }
  };
  // Articles are coded a batch at a time, which is faster (see codeArticles); a batch is cut
  // short when the input pauses, so that records from a slow stream are not held back.
  for await (const batch of batchWithTimeout(
    BATCH_ARTICLES,
    BATCH_WAIT_MS,
    readInputs(paths.length ? paths : ['-']),
  )) {
    const short = batch.flatMap((input) =>
      'article' in input && input.article.text.length <= CHUNK_CHARS ? [input.article] : [],
    );
    const coded = codeTexts(short, coding);
    let next = 0;
    for (const input of batch) {
      if ('issue' in input) {
        skipped++;
        progress.done();
        console.error(`dragoman: ${input.issue.where}: ${input.issue.message}`);
        continue;
      }
      if (input.article.text.length <= CHUNK_CHARS)
        await write(input.where, coded[next++] as ArticleResult);
      // Slice by slice, so that a very long article is never held whole as records.
      else for (const part of codeSlices(input.article, coding)) await write(input.where, part);
      articles++;
      progress.update(`coded ${articles} articles, ${events} events`);
    }
  }
  writer.end();
  progress.done(
    `coded ${articles} articles, ${events} events${skipped ? `, ${skipped} inputs skipped` : ''}`,
  );
  return skipped > 0 ? EXIT.skipped : EXIT.ok;
}
