import type { Atom, Dictionaries } from '../../dictionaries/index.js';
import type { Organisation, Person, RoleCode, Title } from '../../dictionaries/schemas.js';
import type { Token } from '../02-segment/segment.js';
import type { AtomHit } from './atoms.js';
import { actorCode, makeMention, type Mention } from './mention.js';
import { officeHolder, personRole } from './offices.js';

type RoleAtom = Extract<Atom, { kind: 'role' }>;

const COORD = new Set([',', 'and', 'or', '&']);
const SKIP_BEFORE = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'both',
  'all',
  'two',
  'three',
]);
const POSSESSIVE = new Set(["'s", "'"]);
/** What may stand between the members of a list of holders: "Russia, the US and China". */
const LIST_GLUE = new Set([...COORD, 'the']);

export interface ComposeContext {
  tokens: readonly Token[];
  keys: readonly string[];
  dict: Dictionaries;
  /** The article's publication day, for dated offices. */
  day: string | null;
  /** Offices of the people named so far, latest last, for "his counterpart". */
  titles: Title[];
}

interface Holder {
  country: string | null;
  org: Organisation | null;
  seatRole: RoleCode | null;
  evidence: string;
}

/** Holders and evidence words, made once per dictionary entry: entries are read-only data. */
const holders = new WeakMap<Atom, Holder | null>();
const roleWords = new WeakMap<RoleAtom, string>();

function holderOf(atom: Atom): Holder | null {
  let holder = holders.get(atom);
  if (holder === undefined) {
    holder = makeHolder(atom);
    holders.set(atom, holder);
  }
  return holder;
}

/** "role:foreign-minister": the evidence of a role. */
function roleEvidence(role: RoleAtom): string {
  let words = roleWords.get(role);
  if (words === undefined) {
    words = `role:${role.phrase.replace(/ /g, '-')}`;
    roleWords.set(role, words);
  }
  return words;
}

function makeHolder(atom: Atom): Holder | null {
  switch (atom.kind) {
    case 'country':
      return {
        country: atom.iso3,
        org: null,
        seatRole: null,
        evidence: `actor:country:${atom.iso3}`,
      };
    case 'adjective':
      return {
        country: atom.iso3,
        org: null,
        seatRole: null,
        evidence: `actor:adjective:${atom.iso3}`,
      };
    case 'seat':
      return {
        country: atom.iso3,
        org: null,
        seatRole: atom.role,
        evidence: `actor:seat:${atom.name}`,
      };
    case 'org':
      return {
        country: atom.org.country ?? null,
        org: atom.org,
        seatRole: null,
        evidence: `actor:org:${atom.org.key}`,
      };
    default:
      return null;
  }
}

function personMention(
  ctx: ComposeContext,
  person: Person,
  holder: Holder | null,
  role: RoleAtom | null,
): Pick<Mention, 'country' | 'org' | 'role' | 'title' | 'person' | 'plural'> {
  const held = personRole(person, ctx.day);
  const org = held?.role.org ? (ctx.dict.orgs.get(held.role.org) ?? null) : null;
  const country = org ? null : (holder?.country ?? held?.role.country ?? null);
  const roleCode: RoleCode | null = org ? null : held?.former ? 'ELI' : (role?.role ?? 'GOV');
  // One literal with every field: spreading it into another to add one costs far more.
  return {
    country,
    org,
    role: roleCode,
    title: held?.role.title ?? role?.title ?? null,
    person,
    plural: false,
  };
}

function build(
  ctx: ComposeContext,
  first: number,
  last: number,
  parts: Pick<Mention, 'country' | 'org' | 'role' | 'title' | 'person'> & { plural: boolean },
  evidence: string[],
): Mention | null {
  const code = actorCode(parts);
  if (!code) return null;
  if (parts.title) ctx.titles.push(parts.title);
  const possessive = POSSESSIVE.has(ctx.keys[last] ?? '');
  const { prep, prepAt } = prepositionBefore(ctx, first);
  return makeMention({
    first,
    last,
    country: parts.country,
    org: parts.org,
    role: parts.role,
    title: parts.title,
    person: parts.person,
    plural: parts.plural,
    possessive,
    prep,
    prepAt,
    unanchored: false,
    seat: false,
    group: -1,
    anaphor: false,
    code,
    evidence,
  });
}

/** Words after which "of" is transparent: "dozens of protesters", "a delegation of lawmakers". */
const QUANTITY = new Set([
  'deployment',
  'batch',
  'patch',
  'wing',
  'faction',
  'dozens',
  'hundreds',
  'thousands',
  'tens',
  'scores',
  'millions',
  'several',
  'many',
  'some',
  'group',
  'groups',
  'delegation',
  'delegations',
  'team',
  'teams',
  'members',
  'representatives',
  'number',
  'crowd',
  'crowds',
  'contingent',
  'unit',
  'units',
  'battalion',
  'convoy',
]);

/** The preposition governing a mention, looking past articles, adjectives and quantities. */
export function prepositionBefore(
  ctx: ComposeContext,
  first: number,
): { prep: string | null; prepAt: number } {
  let i = first - 1;
  for (;;) {
    while (
      i >= 0 &&
      (SKIP_BEFORE.has(ctx.keys[i] ?? '') ||
        ctx.tokens[i]?.pos === 'ADJ' ||
        ctx.tokens[i]?.pos === 'NUM')
    )
      i--;
    if (ctx.keys[i] === 'of' && QUANTITY.has(ctx.keys[i - 1] ?? '')) {
      i -= 2;
      continue;
    }
    break;
  }
  const tok = ctx.tokens[i];
  const key = tok ? (ctx.keys[i] as string) : '';
  // "up to 100 protesters", "more than 500 villagers": quantities, not prepositions.
  const quantity = key === 'than' || ctx.tokens[i + 1]?.pos === 'NUM';
  if (tok && !quantity && (tok.pos === 'ADP' || key === 'between' || key === 'by'))
    return { prep: key, prepAt: i };
  return { prep: null, prepAt: -1 };
}

/** A mention for a holder with an optional office and person ("Kremlin spokesman", "Syria's Assad"). */
function officeMention(
  ctx: ComposeContext,
  first: number,
  last: number,
  holder: Holder,
  role: RoleAtom | null,
  person: Person | null,
): Mention | null {
  const evidence = [holder.evidence];
  if (role) evidence.push(roleEvidence(role));
  if (person) {
    evidence.push(`actor:person:${person.id}`);
    return build(ctx, first, last, personMention(ctx, person, holder, role), evidence);
  }
  let title: Title | null = role?.title ?? null;
  // "his Australian counterpart": the office of the person just named.
  if (role && !title && role.phrase.startsWith('counterpart'))
    title = ctx.titles[ctx.titles.length - 1] ?? null;
  const holderKey = holder.org?.key ?? holder.country;
  const resolved = title && holderKey ? officeHolder(ctx.dict, holderKey, title, ctx.day) : null;
  if (resolved) evidence.push(`office:${holderKey}:${title}:${resolved.id}`);
  const roleCode = holder.org && holder.org.kind !== 'NAT' ? null : (role?.role ?? holder.seatRole);
  return build(
    ctx,
    first,
    last,
    {
      country: holder.country,
      org: holder.org,
      role: roleCode,
      title,
      person: resolved,
      plural: role?.plural ?? false,
    },
    evidence,
  );
}

/** Words between a country and its role that do not change who acts: "Taiwan's Vice Foreign Minister", "NATO peacekeeping troops". */
const BRIDGE = new Set([
  'vice',
  'deputy',
  'acting',
  'senior',
  'top',
  'chief',
  'junior',
  'interim',
  'new',
  'peacekeeping',
  'special',
  'elite',
  'regular',
  'government',
  'army',
  'naval',
  'military',
  'security',
  'federal',
  'state',
  'local',
  'provincial',
  'regional',
  'border',
  'riot',
  'ground',
  'coalition',
  'allied',
  'foreign',
  'defence',
  'defense',
  'intelligence',
  'emergency',
  'rescue',
  'nuclear',
  'trade',
  'finance',
  'interior',
  'justice',
]);

function bridged(ctx: ComposeContext, from: number, to: number): boolean {
  if (to - from > 2 || to <= from) return false;
  for (let i = from; i < to; i++) {
    const t = ctx.tokens[i];
    // Listed words, or any lower-case describing word: "Irish nationalist guerrillas".
    const describing = t && !t.cap && (t.pos === 'ADJ' || t.pos === 'NOUN');
    if (!BRIDGE.has(ctx.keys[i] ?? '') && !describing) return false;
  }
  return true;
}

function onlyGlue(keys: readonly string[], from: number, to: number, glue: Set<string>): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!glue.has(keys[i] ?? '')) return false;
  return true;
}

const MODIFIER_KINDS = new Set(['adjective', 'country', 'seat', 'org']);
const UNANCHORED = new Set<RoleCode>([
  'CVL',
  'COP',
  'MIL',
  'REB',
  'OPP',
  'LAB',
  'EDU',
  'REF',
  'JUD',
  'LEG',
  'MED',
  'BUS',
  'HLH',
]);

/**
 * Composes dictionary hits into actor mentions: "Russian President Vladimir Putin", "the
 * Turkish, Syrian and Russian defense ministers" (three), "the president of Syria", "Moscow".
 * @example composeMentions(ctx, hits) // Mention[] in text order
 */
export function composeMentions(
  ctx: ComposeContext,
  hits: readonly AtomHit[],
  nextGroup: number,
): Mention[] {
  const out: Mention[] = [];
  const { keys } = ctx;
  let group = nextGroup;
  let j = 0;
  while (j < hits.length) {
    const h = hits[j] as AtomHit;
    // Coordinated modifiers before a role or a person: "Turkish, Syrian and Russian ministers".
    if (MODIFIER_KINDS.has(h.atom.kind)) {
      const mods: AtomHit[] = [h];
      let k = j;
      while (k + 1 < hits.length) {
        const cur = hits[k] as AtomHit;
        const nxt = hits[k + 1] as AtomHit;
        const end = cur.last + (POSSESSIVE.has(keys[cur.last] ?? '') ? 1 : 0);
        if (MODIFIER_KINDS.has(nxt.atom.kind) && onlyGlue(keys, end, nxt.first, COORD)) {
          mods.push(nxt);
          k++;
        } else break;
      }
      const lastMod = mods[mods.length - 1] as AtomHit;
      const end = lastMod.last + (POSSESSIVE.has(keys[lastMod.last] ?? '') ? 1 : 0);
      const head = hits[k + 1];
      if (
        head &&
        (head.first === end || (head.atom.kind === 'role' && bridged(ctx, end, head.first))) &&
        (head.atom.kind === 'role' || head.atom.kind === 'person')
      ) {
        let role: RoleAtom | null = head.atom.kind === 'role' ? head.atom : null;
        let person: Person | null = head.atom.kind === 'person' ? head.atom.person : null;
        let stop = head.last;
        let used = k + 2;
        const after = hits[k + 2];
        if (role && after && after.first === head.last && after.atom.kind === 'person') {
          person = after.atom.person;
          stop = after.last;
          used++;
        } else if (role && after && after.first === head.last && after.atom.kind === 'role') {
          // "defence ministry spokesman": the last role word names the office.
          role = after.atom;
          stop = after.last;
          used++;
        }
        used = absorbRepeat(hits, used, person);
        stop = used > 0 ? Math.max(stop, (hits[used - 1] as AtomHit).last) : stop;
        const g = group++;
        for (const m of mods) {
          const holder = holderOf(m.atom);
          if (!holder) continue;
          // One holder: the whole phrase; several: each its own words ("Turkish", "Syrian").
          const last = mods.length === 1 ? stop : m.last;
          const mention = officeMention(
            ctx,
            m.first,
            last,
            holder,
            role,
            mods.length === 1 ? person : null,
          );
          if (mention) {
            mention.group = g;
            out.push(mention);
          }
        }
        j = used;
        continue;
      }
      // Modifiers with nothing after them: names stand alone, adjectives only as plural nouns.
      for (const m of mods) {
        const holder = holderOf(m.atom);
        if (!holder) continue;
        if (m.atom.kind === 'adjective' && !m.atom.plural) continue;
        const role = m.atom.kind === 'seat' ? holder.seatRole : null;
        const mention = build(
          ctx,
          m.first,
          m.last,
          {
            country: holder.country,
            org: holder.org,
            role:
              holder.org && holder.org.kind !== 'NAT'
                ? null
                : m.atom.kind === 'adjective'
                  ? 'CVL'
                  : role,
            title: null,
            person: null,
            plural: m.atom.kind === 'adjective',
          },
          [holder.evidence],
        );
        if (mention) {
          mention.seat = m.atom.kind === 'seat';
          out.push(mention);
        }
      }
      j = k + 1;
      continue;
    }
    if (h.atom.kind === 'role') {
      const nxt = hits[j + 1];
      // "President Vladimir Putin"
      if (nxt && nxt.first === h.last && nxt.atom.kind === 'person') {
        const used = absorbRepeat(hits, j + 2, nxt.atom.person);
        const stop = (hits[used - 1] as AtomHit).last;
        const m = build(ctx, h.first, stop, personMention(ctx, nxt.atom.person, null, h.atom), [
          roleEvidence(h.atom),
          `actor:person:${nxt.atom.person.id}`,
        ]);
        if (m) out.push(m);
        j = used;
        continue;
      }
      // "protesters in Kenya", "King Willem-Alexander of the Netherlands"
      let at = h.last;
      if (keys[at] !== 'in' && keys[at] !== 'of')
        while (at < h.last + 4 && ctx.tokens[at]?.cap && ctx.tokens[at]?.pos === 'PROPN') at++;
      const placeWord = keys[at];
      if ((placeWord === 'in' && !h.atom.title) || (placeWord === 'of' && at > h.last)) {
        const list = holderList(ctx, hits, j + 1, at + 1);
        const place = list.hits[0];
        if (place && list.hits.length === 1) {
          const holder = holderOf(place.atom);
          const mention = holder
            ? officeMention(ctx, h.first, place.last, holder, h.atom, null)
            : null;
          if (mention) {
            mention.group = group++;
            out.push(mention);
            j = list.next;
            continue;
          }
        }
      }
      // "the foreign ministers of Russia, China and Iran"
      if (keys[h.last] === 'of') {
        const list = holderList(ctx, hits, j + 1, h.last + 1);
        if (list.hits.length > 0) {
          const g = group++;
          for (const m of list.hits) {
            const holder = holderOf(m.atom);
            if (!holder) continue;
            const mention = officeMention(
              ctx,
              list.hits.length === 1 ? h.first : m.first,
              m.last,
              holder,
              h.atom,
              null,
            );
            // "the ministers of A, B and C" stand where the ministers stand, not after "of".
            if (mention) {
              const { prep, prepAt } = prepositionBefore(ctx, h.first);
              mention.prep = prep;
              mention.prepAt = prepAt;
              mention.group = g;
              out.push(mention);
            }
          }
          j = list.next;
          continue;
        }
      }
      // A sector with no country ("protesters", "riot police") takes the other party's later.
      // Government words need "the": "the government", "the authorities".
      const definite = keys[h.first - 1] === 'the';
      if ((UNANCHORED.has(h.atom.role) || (h.atom.role === 'GOV' && definite)) && !h.atom.title) {
        out.push(
          makeMention({
            first: h.first,
            last: h.last,
            country: null,
            org: null,
            role: h.atom.role,
            title: null,
            person: null,
            plural: h.atom.plural,
            possessive: POSSESSIVE.has(keys[h.last] ?? ''),
            ...prepositionBefore(ctx, h.first),
            unanchored: true,
            seat: false,
            group: -1,
            anaphor: false,
            code: h.atom.role,
            evidence: [roleEvidence(h.atom)],
          }),
        );
      }
      j++;
      continue;
    }
    if (h.atom.kind === 'person') {
      const owned = hits[j + 1];
      // "Saddam Hussein's forces": the office holder's country with the role.
      if (
        owned &&
        owned.atom.kind === 'role' &&
        POSSESSIVE.has(keys[h.last] ?? '') &&
        owned.first === h.last + 1
      ) {
        const country = personRole(h.atom.person, ctx.day)?.role.country;
        const holder = country
          ? { country, org: null, seatRole: null, evidence: `actor:person:${h.atom.person.id}` }
          : null;
        const m = holder ? officeMention(ctx, h.first, owned.last, holder, owned.atom, null) : null;
        if (m) {
          out.push(m);
          j += 2;
          continue;
        }
      }
      const used = absorbRepeat(hits, j + 1, h.atom.person);
      const stop = (hits[used - 1] as AtomHit).last;
      const m = build(ctx, h.first, stop, personMention(ctx, h.atom.person, null, null), [
        `actor:person:${h.atom.person.id}`,
      ]);
      if (m) out.push(m);
      j = used;
      continue;
    }
    j++;
  }
  return out;
}

/** "Erdoğan Erdoğan": a name written twice in a row is one mention. */
function absorbRepeat(hits: readonly AtomHit[], next: number, person: Person | null): number {
  let n = next;
  while (person && n < hits.length) {
    const prev = hits[n - 1] as AtomHit;
    const h = hits[n] as AtomHit;
    if (h.first === prev.last && h.atom.kind === 'person' && h.atom.person.id === person.id) n++;
    else break;
  }
  return n;
}

/** A coordinated list of countries or organisations starting at token `from` ("Syria and Turkey"). */
function holderList(
  ctx: ComposeContext,
  hits: readonly AtomHit[],
  j: number,
  from: number,
): { hits: AtomHit[]; next: number } {
  const out: AtomHit[] = [];
  let at = from;
  if (ctx.keys[at] === 'the') at++;
  let k = j;
  while (k < hits.length) {
    const h = hits[k] as AtomHit;
    const okStart = out.length === 0 ? h.first === at : onlyGlue(ctx.keys, at, h.first, LIST_GLUE);
    if (!okStart || !(h.atom.kind === 'country' || h.atom.kind === 'org' || h.atom.kind === 'seat'))
      break;
    out.push(h);
    at = h.last;
    k++;
  }
  return { hits: out, next: k };
}
