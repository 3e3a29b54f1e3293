import type { EventRecord } from '../record.js';
import { addDays, span } from './dates.js';

/**
 * How event mentions merge into story events: the merge key, the date window, and the tally
 * of what the reports say, from which the best-supported code, date and place are read.
 * Pure, so that every backend merges alike.
 */

/** Roots whose acts have no direction: meetings, talks, calls, agreements, cooperation. */
const SYMMETRIC_ROOTS = new Set(['04', '05', '06']);
/** A report dated only by its publication is about something up to this many days before. */
const REPORT_LAG_DAYS = 3;
/** A plan dated only by publication is about something within this many days after. */
const PLAN_HORIZON_DAYS = 30;

/** The actor fields an event keeps. */
export interface ActorRef {
  code: string;
  country: string | null;
  org: string | null;
}

/** What an event says, as one consistent set: code, scores and the two actors. */
export interface Version {
  cameo: string;
  label: string;
  quad: number;
  goldstein: number;
  plover: string;
  mode: string | null;
  source: ActorRef;
  target: ActorRef | null;
}

export interface Place {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface DateChoice {
  value: string;
  precision: 'day' | 'month' | 'year';
  basis: 'text' | 'published';
}

/** Where a mention comes from, besides the record itself. */
export interface MentionContext {
  articleSeq: number;
  storyId: number;
  /** The outlet, counted for numSources. */
  outlet: string;
  /** When the article was reported (published day, else the day it was stored). */
  reportDay: string;
}

/** Everything merging needs of one mention. */
export interface MentionFacts {
  mergeKey: string;
  pair: string;
  root: string;
  modality: string;
  /** Days the act may have happened on; null when the mention has no date at all. */
  window: { start: string; end: string } | null;
  version: Version;
  date: DateChoice | null;
  place: Place | null;
  /** `s:KEY` and `t:KEY` for every code, country, organisation and person of each side. */
  actorKeys: string[];
  context: MentionContext;
}

function anchor(a: EventRecord['source']): string {
  return a.org ?? a.country ?? a.code;
}

function ref(a: EventRecord['source']): ActorRef {
  return { code: a.code, country: a.country, org: a.org };
}

/** Adds `side:KEY` for each code, country, organisation and person of an actor, once each. */
function addKeys(out: string[], side: 's' | 't', a: EventRecord['source'] | null): void {
  if (!a) return;
  const first = out.length;
  for (const k of [a.code, a.country, a.org, a.entity ? `person:${a.entity.id}` : null]) {
    if (k === null) continue;
    const key = `${side}:${k}`;
    let seen = false;
    for (let i = first; i < out.length && !seen; i++) seen = out[i] === key;
    if (!seen) out.push(key);
  }
}

/**
 * The days a mention's act may fall on, from its date and how the date was found. Only the
 * parts it reads are asked for, so that a date choice is passed as it is, not copied.
 */
export function windowOf(
  date: Pick<NonNullable<EventRecord['date']>, 'value' | 'precision' | 'basis'> | null,
  modality: string,
): { start: string; end: string } | null {
  if (!date) return null;
  if (date.basis === 'published' && date.precision === 'day')
    return modality === 'planned'
      ? { start: date.value, end: addDays(date.value, PLAN_HORIZON_DAYS) }
      : { start: addDays(date.value, -REPORT_LAG_DAYS), end: date.value };
  return span(date.value);
}

/**
 * The facts of one mention. Undirected acts are put in a fixed order so that "A met B" and
 * "B met A" meet; undated mentions merge only within their own story.
 * @example factsOf(record, ctx).mergeKey // 'RUS|SYR|04|asserted|dated'
 */
export function factsOf(r: EventRecord, context: MentionContext): MentionFacts {
  const root = r.cameo.slice(0, 2);
  let source = r.source;
  let target = r.target;
  const symmetric = SYMMETRIC_ROOTS.has(root);
  if (symmetric && target && anchor(target) < anchor(source)) [source, target] = [target, source];
  const a = anchor(source);
  const b = target ? anchor(target) : '';
  const pair = b ? (a <= b ? `${a}|${b}` : `${b}|${a}`) : `${a}|`;
  const window = windowOf(r.date, r.modality);
  const direction = symmetric ? pair : `${a}>${b}`;
  const mergeKey = `${direction}|${root}|${r.modality}|${window ? 'dated' : `story${context.storyId}`}`;
  const actorKeys: string[] = [];
  addKeys(actorKeys, 's', source);
  addKeys(actorKeys, 't', target);
  return {
    mergeKey,
    pair,
    root,
    modality: r.modality,
    window,
    version: {
      cameo: r.cameo,
      label: r.cameoLabel,
      quad: r.quadClass,
      goldstein: r.goldstein,
      plover: r.plover.type,
      mode: r.plover.mode,
      source: ref(r.source),
      target: r.target ? ref(r.target) : null,
    },
    date: r.date ? { value: r.date.value, precision: r.date.precision, basis: r.date.basis } : null,
    place: r.location
      ? {
          name: r.location.name,
          country: r.location.country,
          lat: r.location.lat,
          lon: r.location.lon,
        }
      : null,
    actorKeys,
    context,
  };
}

/** A reading of an event and how many of its mentions give it: a pair, short as JSON. */
export type Counted<T> = [value: T, n: number];

/**
 * Counts of what the mentions of one story event say, in short lists: most story events
 * have one mention, and a list costs less than an object keyed by each new day or outlet.
 */
export interface Tally {
  mentions: number;
  /** Article seqs. */
  articles: Counted<number>[];
  outlets: Counted<string>[];
  /** Days reported on. */
  reports: Counted<string>[];
  versions: Counted<Version>[];
  dates: Counted<DateChoice>[];
  places: Counted<Place>[];
  /** `s:KEY` and `t:KEY` entries (see MentionFacts.actorKeys). */
  actors: Counted<string>[];
}

/** Tallies written by earlier builds kept counts as objects keyed by the thing counted. */
interface KeyedTally {
  mentions: number;
  articles: Record<string, number>;
  outlets: Record<string, number>;
  reports: Record<string, number>;
  versions: Record<string, number>;
  dates: Record<string, number>;
  places: Record<string, number>;
  actors: Record<string, number>;
}

function listed<T>(counts: Record<string, number>, read: (key: string) => T): Counted<T>[] {
  return Object.entries(counts).map(([key, n]): Counted<T> => [read(key), n]);
}

const asIs = (key: string) => key;

/** A stored tally, in either of the forms it has been stored in. */
export function readTally(json: string): Tally {
  const t = JSON.parse(json) as Tally | KeyedTally;
  if (Array.isArray(t.versions)) return t as Tally;
  const keyed = t as KeyedTally;
  return {
    mentions: keyed.mentions,
    articles: listed(keyed.articles, Number),
    outlets: listed(keyed.outlets, asIs),
    reports: listed(keyed.reports, asIs),
    versions: listed(keyed.versions, (k) => JSON.parse(k) as Version),
    dates: listed(keyed.dates, (k) => JSON.parse(k) as DateChoice),
    places: listed(keyed.places, (k) => JSON.parse(k) as Place),
    actors: listed(keyed.actors, asIs),
  };
}

export function emptyTally(): Tally {
  return {
    mentions: 0,
    articles: [],
    outlets: [],
    reports: [],
    versions: [],
    dates: [],
    places: [],
    actors: [],
  };
}

const identical = <T>(a: T, b: T): boolean => a === b;

/**
 * Counts value once more in list, readings by field equality (comparing fields is cheaper
 * than JSON keys), plain values as they are.
 */
function count<T>(list: Counted<T>[], value: T, same: (a: T, b: T) => boolean = identical): void {
  for (const c of list)
    if (same(c[0], value)) {
      c[1]++;
      return;
    }
  list.push([value, 1]);
}

function sameRef(a: ActorRef | null, b: ActorRef | null): boolean {
  if (!a || !b) return a === b;
  return a.code === b.code && a.country === b.country && a.org === b.org;
}

function sameVersion(a: Version, b: Version): boolean {
  return (
    a.cameo === b.cameo &&
    a.label === b.label &&
    a.quad === b.quad &&
    a.goldstein === b.goldstein &&
    a.plover === b.plover &&
    a.mode === b.mode &&
    sameActors(a, b)
  );
}

function sameDate(a: DateChoice, b: DateChoice): boolean {
  return a.value === b.value && a.precision === b.precision && a.basis === b.basis;
}

function samePlace(a: Place, b: Place): boolean {
  return a.name === b.name && a.country === b.country && a.lat === b.lat && a.lon === b.lon;
}

/** Counts one more mention in a tally (changes the tally). */
export function addMention(t: Tally, f: MentionFacts): void {
  t.mentions++;
  count(t.articles, f.context.articleSeq);
  count(t.outlets, f.context.outlet);
  count(t.reports, f.context.reportDay);
  count(t.versions, f.version, sameVersion);
  if (f.date) count(t.dates, f.date, sameDate);
  if (f.place) count(t.places, f.place, samePlace);
  for (const k of f.actorKeys) count(t.actors, k);
}

/** What a story event shows: the best-supported reading of its mentions. */
export interface EventSummary {
  version: Version;
  date: DateChoice | null;
  /** First day of the best date, for filtering and timelines. */
  day: string | null;
  window: { start: string; end: string } | null;
  place: Place | null;
  numMentions: number;
  numArticles: number;
  numSources: number;
  firstReport: string;
  lastReport: string;
  actorKeys: string[];
}

function best<T>(counts: Counted<T>[], better: (a: T, b: T) => number = () => 0): T | null {
  let top: T | null = null;
  let topCount = -1;
  for (const [value, n] of counts)
    if (n > topCount || (n === topCount && top !== null && better(value, top) > 0)) {
      top = value;
      topCount = n;
    }
  return top;
}

const FINENESS = { day: 3, month: 2, year: 1 } as const;

/** Dates read in the text outrank publication dates, then the most reported, then the finest. */
function bestDate(dates: Counted<DateChoice>[]): DateChoice | null {
  const text = dates.filter((d) => d[0].basis === 'text');
  const pool = text.length ? text : dates;
  return best<DateChoice>(
    pool,
    (a, b) => FINENESS[a.precision] - FINENESS[b.precision] || (a.value > b.value ? 1 : -1),
  );
}

/** Whether CAMEO code a is a more general code than b: 04 and 040 of 043, 104 of 1041. */
export function generalizes(a: string, b: string): boolean {
  if (a === b) return false;
  if (b.startsWith(a)) return true;
  // A root's generic code (040, 190) stands for the whole root.
  return a.length === 3 && a.endsWith('0') && b.length >= 3 && b.startsWith(a.slice(0, 2));
}

function sameActors(a: Version, b: Version): boolean {
  return sameRef(a.source, b.source) && sameRef(a.target, b.target);
}

/**
 * The version of the act the reports support best: each version counts its own reports and
 * those of more general codes with the same actors, so that "met" and "hosted" make one
 * hosting; then the more specific code, then its own reports.
 * @example bestVersion([[v040, 2], [v043, 1]]).cameo // '043'
 */
export function bestVersion(versions: Counted<Version>[]): Version | null {
  // The one reading of nearly every story event: nothing to weigh.
  if (versions.length === 1) return (versions[0] as Counted<Version>)[0];
  const all = versions.map(([v, n]) => ({ v, n }));
  let top: { v: Version; n: number; support: number } | null = null;
  for (const x of all) {
    let support = x.n;
    for (const y of all)
      if (generalizes(y.v.cameo, x.v.cameo) && sameActors(x.v, y.v)) support += y.n;
    const better =
      !top ||
      support > top.support ||
      (support === top.support &&
        (x.v.cameo.length > top.v.cameo.length ||
          (x.v.cameo.length === top.v.cameo.length && x.n > top.n)));
    if (better) top = { ...x, support };
  }
  return top?.v ?? null;
}

/** The window of a tally's best date: what merging compares, without the rest of summarize. */
export function tallyWindow(t: Tally, modality: string): EventSummary['window'] {
  return windowOf(bestDate(t.dates), modality);
}

/**
 * The best-supported reading of a tally: the version of the act (bestVersion), date and place.
 */
export function summarize(t: Tally, modality: string): EventSummary {
  const version = bestVersion(t.versions);
  if (!version) throw new Error('summarize: a story event needs at least one mention');
  const date = bestDate(t.dates);
  let first = (t.reports[0] as Counted<string>)[0];
  let last = first;
  for (const [value] of t.reports) {
    if (value < first) first = value;
    if (value > last) last = value;
  }
  return {
    version,
    date,
    day: date ? span(date.value).start : null,
    window: windowOf(date, modality),
    place: best<Place>(t.places),
    numMentions: t.mentions,
    numArticles: t.articles.length,
    numSources: t.outlets.length,
    firstReport: first,
    lastReport: last,
    actorKeys: t.actors.map((c) => c[0]),
  };
}

/** Whether a mention's window meets a story event's. */
export function overlaps(
  a: { start: string; end: string } | null,
  b: { start: string; end: string } | null,
): boolean {
  if (!a || !b) return a === b;
  return a.start <= b.end && b.start <= a.end;
}
