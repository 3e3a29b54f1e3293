import { Option, type Command } from 'commander';
import { EventQuery } from '../store/index.js';
import { resolveActorFilters } from '../dictionaries/directory.js';
import { UsageError, parseDay } from './errors.js';

/** The filter flags as commander hands them over. */
export interface QueryFlags {
  actor?: string[];
  source?: string[];
  target?: string[];
  dyad?: string;
  cameo?: string;
  plover?: string;
  quad?: string;
  from?: string;
  to?: string;
  modality?: string;
  text?: string;
  minArticles?: string;
  limit?: string;
}

const collect = (v: string, all: string[] = []) => [...all, v];

/** Adds the filters shared by events, dyads, timeline and export. */
export function addQueryFlags(cmd: Command, { limit }: { limit: boolean }): Command {
  cmd
    .option(
      '--actor <actor>',
      'code, country, organisation or person on either side (repeatable)',
      collect,
    )
    .option('--source <actor>', 'actor on the source side (repeatable)', collect)
    .option('--target <actor>', 'actor on the target side (repeatable)', collect)
    .option('--dyad <a,b>', 'two actors, one on each side, either direction')
    .option('--cameo <code>', 'CAMEO code or prefix (04, 043)')
    .option('--plover <type>', 'PLOVER event type (CONSULT, ASSAULT, ...)')
    .addOption(new Option('--quad <n>', 'QuadClass').choices(['1', '2', '3', '4']))
    .option('--from <date>', 'on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'on or before this day (YYYY-MM-DD)')
    .addOption(
      new Option('--modality <m>', 'asserted, planned, possible or negated').choices([
        'asserted',
        'planned',
        'possible',
        'negated',
      ]),
    )
    .option('--text <words>', 'words that must all occur in a reporting article')
    .option('--min-articles <n>', 'reported by at least this many articles');
  if (limit) cmd.option('--limit <n>', 'at most this many rows', '50');
  return cmd;
}

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} expects a whole number above 0, got "${value}"`);
  return n;
}

/** Turns the flags into a validated store query, resolving names to actor keys. */
export function toQuery(f: QueryFlags): EventQuery {
  let dyad: [string, string] | undefined;
  if (f.dyad !== undefined) {
    const sides = f.dyad.split(',').map((s) => s.trim());
    if (sides.length !== 2 || !sides[0] || !sides[1])
      throw new UsageError(
        `--dyad expects two actors separated by a comma, such as RUS,SYR; got "${f.dyad}"`,
      );
    dyad = [sides[0], sides[1]];
  }
  const { filters, unknown } = resolveActorFilters({
    actor: f.actor,
    source: f.source,
    target: f.target,
    dyad,
  });
  const [first] = unknown;
  if (first)
    throw new UsageError(
      `--${first.field}: no country, organisation or person matches "${first.value}" (codes such as RUS or RUSGOV are upper case)`,
    );
  if (f.cameo !== undefined && !/^\d{1,4}$/.test(f.cameo))
    throw new UsageError(
      `--cameo expects a CAMEO code or prefix such as 04 or 043, got "${f.cameo}"`,
    );
  const q = {
    ...filters,
    cameo: f.cameo,
    plover: f.plover,
    quad: f.quad ? Number(f.quad) : undefined,
    from: f.from ? parseDay(f.from, '--from') : undefined,
    to: f.to ? parseDay(f.to, '--to') : undefined,
    modality: f.modality,
    text: f.text,
    minArticles: positive(f.minArticles, '--min-articles'),
    limit: positive(f.limit, '--limit'),
  };
  const parsed = EventQuery.safeParse(
    Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success)
    throw new UsageError(
      parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return parsed.data;
}
