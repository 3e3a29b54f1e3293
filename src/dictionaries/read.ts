import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { DictionaryProblem } from './errors.js';
import {
  CameoEntry,
  Control,
  CountryOverlay,
  EventPattern,
  ModalityCues,
  Organisation,
  Person,
  Region,
  RolePhrase,
  Vetoes,
} from './schemas.js';

/** The project's bundled data folder. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** Every data file, validated; entries that failed are left out and listed in `problems`. */
export interface RawData {
  people: Person[];
  organisations: Organisation[];
  countries: CountryOverlay[];
  regions: Region[];
  roles: RolePhrase[];
  cameo: CameoEntry[];
  events: { file: string; pattern: EventPattern }[];
  control: Control;
  modality: ModalityCues;
  vetoes: Vetoes;
  irregular: [string, string, string][];
  problems: DictionaryProblem[];
}

function describe(entry: unknown, index: number): string {
  if (entry && typeof entry === 'object') {
    const e = entry as Record<string, unknown>;
    const name =
      e['id'] ?? e['key'] ?? e['iso3'] ?? e['code'] ?? e['verb'] ?? e['noun'] ?? e['phrase'];
    if (typeof name === 'string') return `entry ${index} (${name})`;
  }
  return `entry ${index}`;
}

function readYaml(path: string, problems: DictionaryProblem[]): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (err) {
    problems.push({
      file: basename(path),
      entry: '-',
      reason: (err as Error).message.split('\n')[0] ?? '',
    });
    return undefined;
  }
}

/** Validates each entry of a list on its own, so one bad entry does not hide the others. */
function readList<T>(path: string, schema: z.ZodType<T>, problems: DictionaryProblem[]): T[] {
  const data = readYaml(path, problems);
  if (data === undefined) return [];
  if (!Array.isArray(data)) {
    problems.push({ file: relative(path), entry: '-', reason: 'expected a list of entries' });
    return [];
  }
  const out: T[] = [];
  data.forEach((entry: unknown, i) => {
    const r = schema.safeParse(entry);
    if (r.success) out.push(r.data);
    else
      for (const issue of r.error.issues)
        problems.push({
          file: relative(path),
          entry: describe(entry, i),
          reason: `${issue.path.join('.') || 'entry'}: ${issue.message}`,
        });
  });
  return out;
}

function readObject<T>(
  path: string,
  schema: z.ZodType<T>,
  problems: DictionaryProblem[],
): T | undefined {
  const data = readYaml(path, problems);
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const issue of r.error.issues)
    problems.push({
      file: relative(path),
      entry: issue.path.join('.') || '-',
      reason: issue.message,
    });
  return undefined;
}

function relative(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts.slice(-2).join('/');
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/**
 * Reads and validates every data file under `dir`. Never throws for bad entries: they are
 * returned in `problems` so the caller can report them all at once.
 * @example const raw = readData(); raw.problems.length // 0
 */
export function readData(dir: string = DEFAULT_DATA_DIR): RawData {
  const problems: DictionaryProblem[] = [];
  const people = yamlFiles(join(dir, 'people')).flatMap((f) => readList(f, Person, problems));
  const events = yamlFiles(join(dir, 'events')).flatMap((f) =>
    readList(f, EventPattern, problems).map((pattern) => ({ file: basename(f), pattern })),
  );
  const empty = { before: {}, adjectives: {}, conditional: [], future: [], deniedAfter: [] };
  const raw: RawData = {
    people,
    organisations: readList(join(dir, 'organisations.yaml'), Organisation, problems),
    countries: readList(join(dir, 'countries.yaml'), CountryOverlay, problems),
    regions: readList(join(dir, 'regions.yaml'), Region, problems),
    roles: readList(join(dir, 'roles.yaml'), RolePhrase, problems),
    cameo: readList(join(dir, 'cameo.yaml'), CameoEntry, problems),
    events,
    control: readObject(join(dir, 'control.yaml'), Control, problems) ?? {
      complement: [],
      light: [],
      speech: [],
      openTarget: [],
      codes: {},
    },
    modality: readObject(join(dir, 'modality.yaml'), ModalityCues, problems) ?? empty,
    vetoes: readObject(join(dir, 'vetoes.yaml'), Vetoes, problems) ?? { words: [], roots: [] },
    irregular: readList(
      join(dir, 'irregular-verbs.yaml'),
      z.tuple([z.string(), z.string(), z.string()]),
      problems,
    ),
    problems,
  };
  checkUnique(raw, problems);
  return raw;
}

function checkUnique(raw: RawData, problems: DictionaryProblem[]): void {
  const seen = (file: string, keys: string[]) => {
    const set = new Set<string>();
    for (const k of keys) {
      if (set.has(k)) problems.push({ file, entry: k, reason: 'duplicate key' });
      set.add(k);
    }
  };
  seen(
    'people/*.yaml',
    raw.people.map((p) => p.id),
  );
  seen(
    'organisations.yaml',
    raw.organisations.map((o) => o.key),
  );
  seen(
    'cameo.yaml',
    raw.cameo.map((c) => c.code),
  );
  const codes = new Set(raw.cameo.map((c) => c.code));
  for (const { file, pattern } of raw.events) {
    for (const code of [pattern.code, pattern.stateCode]) {
      if (code !== undefined && codes.size > 0 && !codes.has(code))
        problems.push({
          file: `events/${file}`,
          entry: pattern.verb ?? pattern.noun ?? '?',
          reason: `unknown CAMEO code ${code}`,
        });
    }
  }
  for (const o of raw.organisations) {
    if ((o.kind === 'NAT') !== (o.country !== undefined && o.role !== undefined))
      problems.push({
        file: 'organisations.yaml',
        entry: o.key,
        reason: 'kind NAT needs country and role, and only NAT has them',
      });
  }
}
