import { Option, type Command } from 'commander';
import { formatDuration, parseDuration } from '../feeds/duration.js';
import { UsageError } from './errors.js';

/** The flags of `dragoman watch`, parsed and checked. */
export interface WatchCommandOptions {
  feeds: string;
  db: string;
  every: number;
  once?: boolean;
  rate: number;
  timeout: number;
  maxBytes: number;
  retries: number;
  contact?: string;
}

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i;
const SIZE_UNIT = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 } as const;

function duration(flag: string, min: number) {
  return (v: string) => {
    const ms = parseDuration(v);
    if (ms === null)
      throw new UsageError(`${flag} expects a duration such as 90s, 15m or 1h30m, got "${v}"`);
    if (ms < min)
      throw new UsageError(`${flag} must be at least ${formatDuration(min)}, got "${v}"`);
    return ms;
  };
}

function size(v: string): number {
  const m = SIZE.exec(v.trim());
  const n = m
    ? Math.floor(Number(m[1]) * SIZE_UNIT[(m[2]?.toLowerCase() ?? 'b') as keyof typeof SIZE_UNIT])
    : NaN;
  if (!(n >= 1024))
    throw new UsageError(
      `--max-bytes expects a size such as 10MB or 500kB (at least 1kB), got "${v}"`,
    );
  return n;
}

function rate(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(
      `--rate expects requests per second above 0 (0.2 is one every 5 s), got "${v}"`,
    );
  return n;
}

function retries(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new UsageError(`--retries expects a whole number from 0 to 10, got "${v}"`);
  return n;
}

/**
 * Adds the flags of `watch` to its command: what to follow, how often, and the manners of the
 * client (politeness defaults: 1 request/s per host, 20 s timeout, 10 MB, 3 retries).
 */
export function addWatchFlags(cmd: Command): Command {
  return cmd
    .requiredOption('--feeds <file>', 'feed URLs, one a line; # starts a comment')
    .addOption(
      new Option('--every <duration>', 'time between the starts of two rounds (90s, 15m, 1h)')
        .default(15 * 60_000, '15m')
        .argParser(duration('--every', 10_000)),
    )
    .option('--once', 'one round, then exit (for cron)')
    .addOption(
      new Option('--rate <n>', 'requests per second to any one host').default(1).argParser(rate),
    )
    .addOption(
      new Option('--timeout <duration>', 'longest wait for one request, body included')
        .default(20_000, '20s')
        .argParser(duration('--timeout', 100)),
    )
    .addOption(
      new Option('--max-bytes <size>', 'largest feed or page read (10MB, 500kB)')
        .default(10 * 1024 * 1024, '10MB')
        .argParser(size),
    )
    .addOption(
      new Option(
        '--retries <n>',
        'tries after the first for 5xx answers, network errors and timeouts',
      )
        .default(3)
        .argParser(retries),
    )
    .addOption(
      new Option(
        '--contact <url-or-email>',
        'added to the User-Agent, so that sites can reach you',
      ).env('DRAGOMAN_CONTACT'),
    );
}
