import type { EventQuery, Store } from '../store/store.js';
import { loadDictionaries } from './index.js';
import { readData } from './read.js';

/** One known actor: a country, an organisation or a person, with what it is stored under. */
export interface KnownActor {
  /** The key story events are filed under: ISO3, organisation key, or `person:ID`. */
  key: string;
  kind: 'country' | 'organisation' | 'person';
  name: string;
  aliases: string[];
  /** Dated roles of a person, as "RUS president 2012-05-07..". */
  roles: string[];
}

let cached: KnownActor[] | null = null;

/** Every actor the dictionaries know, read once. */
export function knownActors(): KnownActor[] {
  if (cached) return cached;
  const raw = readData();
  const dict = loadDictionaries();
  const out: KnownActor[] = [];
  for (const c of dict.countries.values())
    out.push({ key: c.iso3, kind: 'country', name: c.name, aliases: [], roles: [] });
  for (const o of raw.organisations)
    out.push({ key: o.key, kind: 'organisation', name: o.name, aliases: o.aliases, roles: [] });
  for (const p of raw.people)
    out.push({
      key: `person:${p.id}`,
      kind: 'person',
      name: p.name,
      aliases: p.aliases,
      roles: p.roles.map((r) => `${r.country ?? r.org} ${r.title} ${r.from}..${r.to ?? ''}`),
    });
  cached = out;
  return out;
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Actors whose name or alias contains the words of a query ("putin", "assad", "united").
 * @example findKnownActors('putin')[0]?.key // 'person:vladimir-putin'
 */
export function findKnownActors(query: string): KnownActor[] {
  const q = fold(query).trim();
  if (!q) return knownActors();
  const pattern = new RegExp(
    `(^|[^a-z0-9])${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`,
  );
  return knownActors().filter(
    (a) => a.key.toLowerCase() === q || [a.name, ...a.aliases].some((n) => pattern.test(fold(n))),
  );
}

/**
 * The store keys an actor name or code means: a code as given (RUS, RUSGOV, IGOUN, UN), or
 * every country, organisation and person whose name matches the words; [] when none does.
 * @example actorKeys('putin') // ['person:vladimir-putin']
 */
export function actorKeys(value: string): string[] {
  const v = value.trim();
  if (/^[A-Z][A-Z0-9]{1,14}$/.test(v)) return [v];
  return findKnownActors(v).map((a) => a.key);
}

/** The actor filters of a query, as names or codes. */
export interface ActorFilters {
  actor?: string[] | undefined;
  source?: string[] | undefined;
  target?: string[] | undefined;
  dyad?: [string, string] | undefined;
}

/** An actor filter value that matches no country, organisation or person. */
export interface UnknownActor {
  field: keyof ActorFilters;
  value: string;
}

/**
 * The actor filters resolved to store keys, and every value that matched nothing, so that
 * the command line and the API word the problem their own way.
 * @example resolveActorFilters({ dyad: ['putin', 'SYR'] }).filters.dyad // [['person:vladimir-putin'], ['SYR']]
 */
export function resolveActorFilters(input: ActorFilters): {
  filters: Pick<EventQuery, 'actor' | 'source' | 'target' | 'dyad'>;
  unknown: UnknownActor[];
} {
  const unknown: UnknownActor[] = [];
  const resolve = (field: keyof ActorFilters, values: string[]) => [
    ...new Set(
      values.flatMap((value) => {
        const keys = actorKeys(value);
        if (keys.length === 0) unknown.push({ field, value });
        return keys;
      }),
    ),
  ];
  const filters: Pick<EventQuery, 'actor' | 'source' | 'target' | 'dyad'> = {};
  for (const field of ['actor', 'source', 'target'] as const) {
    const values = input[field];
    if (values) filters[field] = resolve(field, values);
  }
  if (input.dyad)
    filters.dyad = [resolve('dyad', [input.dyad[0]]), resolve('dyad', [input.dyad[1]])];
  return { filters, unknown };
}

/** An actor as listed by `dragoman actors` and `GET /api/actors`. */
export interface ActorListing {
  key: string;
  kind: KnownActor['kind'] | 'code';
  name: string;
  roles: string[];
  events: number;
  asSource: number;
  asTarget: number;
}

/**
 * Known actors with their event counts: with a query, every actor whose name matches,
 * counted or not; without, the most active keys in the store.
 */
export async function listActors(
  store: Store,
  query: string | undefined,
  limit: number,
): Promise<ActorListing[]> {
  const known = findKnownActors(query ?? '');
  const byKey = new Map(known.map((k) => [k.key, k]));
  const counts = await store.actorCounts(
    query ? { query: known.map((k) => k.key), limit: 100_000 } : { limit },
  );
  const countOf = new Map(counts.map((c) => [c.key, c]));
  const order = query ? known.map((k) => k.key) : counts.map((c) => c.key);
  return order.slice(0, limit).map((key) => {
    const k = byKey.get(key);
    const n = countOf.get(key);
    return {
      key,
      kind: k?.kind ?? 'code',
      name: k?.name ?? key,
      roles: k?.roles ?? [],
      events: n?.events ?? 0,
      asSource: n?.asSource ?? 0,
      asTarget: n?.asTarget ?? 0,
    };
  });
}
