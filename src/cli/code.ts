import { CHUNK_CHARS, codeSlices, codeTexts, GROUP_ARTICLES, GROUP_CHARS } from '../code.js';
import type { ArticleResult } from '../pipeline/index.js';
import { readInputs } from '../ingest/sources.js';
import { EXIT, UsageError } from './errors.js';
import { groupsOf, type GroupLimits } from './groups.js';
import { RecordWriter, type Format } from './output.js';
import { Progress } from './progress.js';

export interface CodeCommandOptions {
  format: Format;
  published?: string;
}

/** Articles coded together; a slow input's articles wait at most a fifth of a second. */
const GROUPING: GroupLimits = { items: GROUP_ARTICLES, weight: GROUP_CHARS, waitMs: 200 };

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
  const published = opts.published ?? null;
  const inputs = groupsOf(readInputs(paths.length ? paths : ['-']), GROUPING, (input) =>
    'article' in input ? input.article.text.length : 0,
  );
  for await (const group of inputs) {
    // The group's ordinary articles coded together (faster), in input order with the rest.
    const short = group.flatMap((i) =>
      'article' in i && i.article.text.length <= CHUNK_CHARS ? [i.article] : [],
    );
    const coded = codeTexts(short, { published });
    let next = 0;
    for (const input of group) {
      if ('issue' in input) {
        skipped++;
        progress.done();
        console.error(`dragoman: ${input.issue.where}: ${input.issue.message}`);
        continue;
      }
      // Slice by slice, so that a very long article is never held whole as records.
      const parts =
        input.article.text.length <= CHUNK_CHARS
          ? [coded[next++] as ArticleResult]
          : codeSlices(input.article, { published });
      for (const part of parts) {
        for (const issue of part.issues)
          console.error(`dragoman: ${input.where}: ${issue.message}`);
        writer.add(part.records);
        events += part.records.length;
        // Wait for a slow reader rather than holding every record in memory.
        if (full) {
          await new Promise((resolve) => process.stdout.once('drain', resolve));
          full = false;
        }
      }
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
