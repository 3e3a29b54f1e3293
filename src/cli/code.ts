import { codeSlices } from '../code.js';
import { readInputs } from '../ingest/sources.js';
import { EXIT, UsageError } from './errors.js';
import { RecordWriter, type Format } from './output.js';
import { Progress } from './progress.js';

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
  for await (const input of readInputs(paths.length ? paths : ['-'])) {
    if ('issue' in input) {
      skipped++;
      progress.done();
      console.error(`dragoman: ${input.issue.where}: ${input.issue.message}`);
      continue;
    }
    // Slice by slice, so that a very long article is never held whole as records.
    for (const part of codeSlices(input.article, { published: opts.published ?? null })) {
      for (const issue of part.issues) console.error(`dragoman: ${input.where}: ${issue.message}`);
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
  writer.end();
  progress.done(
    `coded ${articles} articles, ${events} events${skipped ? `, ${skipped} inputs skipped` : ''}`,
  );
  return skipped > 0 ? EXIT.skipped : EXIT.ok;
}
