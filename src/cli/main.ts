#!/usr/bin/env -S node --max-old-space-size=320 --no-allocation-site-pretenuring
// A heap bound keeps memory flat; without pretenuring, allocations carry no mementos (less memory).
import { availableParallelism } from 'node:os';
import { Command, CommanderError, Option } from 'commander';
import { DictionaryError } from '../dictionaries/index.js';
import { EXIT, parseDay, UsageError } from './errors.js';
import type { IngestCommandOptions } from './ingest.js';
import type { ServeCommandOptions } from './serve.js';
import { addWatchFlags, type WatchCommandOptions } from './watch-flags.js';
import { addQueryFlags, type QueryFlags } from './query-flags.js';
import type { StoryFormat } from './story-output.js';
import { DEFAULT_DB, StoreOpenError, StoreQueryError } from '../store/index.js';
import type { Format } from './output.js';

const program = new Command();
program
  .name('dragoman')
  .description('Code English news articles into political event records (CAMEO and PLOVER).')
  .version('0.1.0')
  .exitOverride()
  .configureOutput({
    outputError: (str, write) => write(`dragoman: ${str.replace(/^error: /, '')}`),
  });

const published = new Option(
  '--published <date>',
  'publication date for articles without one (YYYY-MM-DD)',
).argParser((v) => parseDay(v, '--published'));

program
  .command('code')
  .description(
    'code articles (.txt, .jsonl, .html, folders, URLs, or - for JSON Lines on stdin) into event records',
  )
  .argument('[paths...]', 'files, folders or http(s) URLs of pages; - reads JSON Lines from stdin')
  .addOption(
    new Option('--format <format>', 'output format')
      .choices(['jsonl', 'csv', 'table'])
      .default('jsonl'),
  )
  .addOption(published)
  .action(async (paths: string[], opts: { format: Format; published?: string }) => {
    const { runCode } = await import('./code.js');
    process.exitCode = await runCode(paths, opts);
  });

program
  .command('explain')
  .description(
    'show the tokens, actors and triggers of a sentence and why each event was or was not coded',
  )
  .argument('<sentence>', 'the sentence to explain')
  .addOption(
    new Option('--published <date>', 'publication date (YYYY-MM-DD)').argParser((v) =>
      parseDay(v, '--published'),
    ),
  )
  .option('--json', 'print the records as JSON')
  .action(async (sentence: string, opts: { published?: string; json?: boolean }) => {
    const { runExplain } = await import('./explain.js');
    process.exitCode = runExplain(sentence, opts);
  });

program
  .command('eval')
  .description('score the coder against a gold file of sentences with expected events')
  .argument(
    '<gold>',
    'gold JSON Lines: {"id","text","date","expected":[{"source","target","code"}]}',
  )
  .option('--verbose', 'list the misses and extras of every sentence')
  .option('--json', 'print the result as JSON')
  .action(async (gold: string, opts: { verbose?: boolean; json?: boolean }) => {
    const { runEval } = await import('./eval.js');
    process.exitCode = await runEval(gold, opts);
  });

const dbOption = () =>
  new Option('--db <path>', 'the store: a SQLite file, created on first use')
    .env('DRAGOMAN_DB')
    .default(DEFAULT_DB);

program
  .command('ingest')
  .description(
    'code articles and keep them in the store, merging repeated reports into story events',
  )
  .argument('[paths...]', 'files, folders or http(s) URLs of pages; - reads JSON Lines from stdin')
  .addOption(dbOption())
  .addOption(published)
  .addOption(
    new Option(
      '--commit-every <n>',
      'articles per commit; each article is atomic either way, 1 makes each its own transaction',
    )
      .default(1000)
      .argParser((v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1)
          throw new UsageError(`--commit-every expects a whole number above 0, got "${v}"`);
        return n;
      }),
  )
  .action(async (paths: string[], opts: IngestCommandOptions) => {
    // Each command loads its own modules: ingest codes on another thread, and the tagger's
    // model would otherwise be read twice.
    const { runIngest } = await import('./ingest.js');
    process.exitCode = await runIngest(paths, opts);
  });

addWatchFlags(
  program
    .command('watch')
    .description('follow RSS, Atom and JSON feeds: read, code and store each new article, politely')
    .addOption(dbOption()),
).action(async (opts: WatchCommandOptions) => {
  const { runWatch } = await import('./watch.js');
  process.exitCode = await runWatch(opts);
});

const storyFormat = () =>
  new Option('--format <format>', 'output format')
    .choices(['table', 'jsonl', 'csv'])
    .default('table');

addQueryFlags(
  program
    .command('events')
    .description('story events in the store (newest first), or raw mentions with --mentions')
    .addOption(dbOption())
    .addOption(storyFormat())
    .option('--mentions', 'the event mentions (coder records) instead of story events'),
  { limit: true },
).action(async (opts: QueryFlags & { db: string; format: StoryFormat; mentions?: boolean }) => {
  const { runEvents } = await import('./query.js');
  process.exitCode = await runEvents(opts);
});

addQueryFlags(
  program
    .command('dyads')
    .description('the most active pairs of actors, with counts by QuadClass and Goldstein sums')
    .addOption(dbOption())
    .addOption(storyFormat()),
  { limit: false },
)
  .option('--limit <n>', 'at most this many pairs', '20')
  .action(async (opts: QueryFlags & { db: string; format: StoryFormat }) => {
    const { runDyads } = await import('./query.js');
    process.exitCode = await runDyads(opts);
  });

addQueryFlags(
  program
    .command('timeline')
    .description('story events and Goldstein per period, for a dyad, an actor or any filter')
    .addOption(dbOption())
    .addOption(storyFormat())
    .addOption(
      new Option('--by <period>', 'period')
        .choices(['day', 'week', 'month', 'year'])
        .default('month'),
    ),
  { limit: false },
).action(
  async (
    opts: QueryFlags & { db: string; format: StoryFormat; by: 'day' | 'week' | 'month' | 'year' },
  ) => {
    const { runTimeline } = await import('./query.js');
    process.exitCode = await runTimeline(opts);
  },
);

program
  .command('actors')
  .description(
    'known countries, organisations and people (with dated roles) and their event counts',
  )
  .addOption(dbOption())
  .option('--query <text>', 'names containing these words (putin, united nations)')
  .addOption(storyFormat())
  .option('--limit <n>', 'at most this many actors', '50')
  .action(async (opts: { db: string; query?: string; format: StoryFormat; limit: string }) => {
    const { runActors } = await import('./query.js');
    process.exitCode = await runActors(opts);
  });

addQueryFlags(
  program
    .command('export')
    .description(
      'every matching story event, as JSON Lines, CSV, or GDELT 2.0 event rows (tab-separated)',
    )
    .addOption(dbOption())
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['jsonl', 'csv', 'gdelt'])
        .default('jsonl'),
    ),
  { limit: false },
).action(async (opts: QueryFlags & { db: string; format: 'jsonl' | 'csv' | 'gdelt' }) => {
  const { runExport } = await import('./query.js');
  process.exitCode = await runExport(opts);
});

const whole = (flag: string, min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} expects a whole number from ${min} to ${max}, got "${v}"`);
  return n;
};

program
  .command('serve')
  .description('serve the HTTP API over a store (loopback only unless --host says otherwise)')
  .addOption(dbOption())
  .addOption(
    new Option('--port <n>', 'port (0 picks a free one)')
      .default(8080)
      .argParser(whole('--port', 0, 65535)),
  )
  .option('--host <address>', 'address to listen on', '127.0.0.1')
  .addOption(
    new Option('--token <token>', 'require Authorization: Bearer <token> on writes').env(
      'DRAGOMAN_TOKEN',
    ),
  )
  .option('--cors <origin>', 'allow this one browser origin to call the API')
  .addOption(
    new Option('--body-limit <bytes>', 'largest request body')
      .default(5 * 1024 * 1024)
      .argParser(whole('--body-limit', 1, 1024 * 1024 * 1024)),
  )
  .addOption(
    new Option('--readers <n>', 'threads answering queries, each with its own connection')
      .default(availableParallelism())
      .argParser(whole('--readers', 0, 64)),
  )
  .action(async (opts: ServeCommandOptions) => {
    const { runServe } = await import('./serve.js');
    process.exitCode = await runServe(opts);
  });

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // A closed pipe (| head) is the reader's choice, not a failure.
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (err instanceof UsageError) {
    console.error(`dragoman: ${err.message}`);
    process.exitCode = EXIT.usage;
  } else if (err instanceof DictionaryError || err instanceof StoreOpenError) {
    console.error(`dragoman: ${err.message}`);
    process.exitCode = EXIT.failure;
  } else if (err instanceof StoreQueryError) {
    console.error(`dragoman: ${err.message}`);
    process.exitCode = EXIT.failure;
  } else {
    console.error(`dragoman: internal error: ${(err as Error).message}`);
    process.exitCode = EXIT.failure;
  }
}
