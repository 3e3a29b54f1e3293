import { LEX, type Dictionaries } from '../../dictionaries/index.js';
import type { Segmented, Token } from '../02-segment/segment.js';
import { findAtoms, type AtomHit } from './atoms.js';
import { composeMentions, prepositionBefore, type ComposeContext } from './compose.js';
import { makeMention, type Mention } from './mention.js';

const GLUE = new Set([',', 'and', 'or', '&', 'as', 'well', 'both', 'the']);
const POSSESSIVE = new Set(["'s", "'"]);
const SINGULAR_PERSON = new Set(['he', 'she', 'him', 'his', 'her']);
const THING = new Set(['it', 'its']);
const PLURAL = new Set(['they', 'them', 'their']);
/** "the two leaders", "both sides": the last two actors named. */
const PAIR_NOUNS = new Set([
  'leaders',
  'sides',
  'countries',
  'governments',
  'nations',
  'presidents',
  'capitals',
  'parties',
  'states',
  'neighbours',
  'neighbors',
]);

/** Puts mentions joined by "and", commas or "or" into one group. */
function assignGroups(keys: readonly string[], mentions: Mention[], nextGroup: number): number {
  let group = nextGroup;
  if (mentions.length < 2) {
    for (const m of mentions) if (m.group < 0) m.group = group++;
    let next = group;
    for (const m of mentions) if (m.group + 1 > next) next = m.group + 1;
    return next;
  }
  let prev: Mention | undefined;
  for (const m of mentions) {
    const prevEnd = prev ? prev.last + (prev.possessive ? 1 : 0) : -1;
    let joined = false;
    if (prev && !prev.possessive && m.first > prevEnd) {
      joined = true;
      for (let i = prevEnd; i < m.first && joined; i++) joined = GLUE.has(keys[i] ?? '');
    }
    if (joined && prev) {
      const from = m.group;
      const to = prev.group;
      if (from >= 0) {
        for (const x of mentions) if (x.group === from) x.group = to;
      } else m.group = to;
    } else if (m.group < 0) m.group = group++;
    if (m.group >= group) group = m.group + 1;
    prev = m;
  }
  // "to Türkiye, the foreign ministry said": without "and"/"or" a comma makes no list.
  // Groups in order of their first member; a sentence has a handful, so scans beat a map.
  for (let a = 0; a < mentions.length; a++) {
    const head = mentions[a] as Mention;
    const g = head.group;
    let seenBefore = false;
    for (let b = 0; b < a && !seenBefore; b++) seenBefore = (mentions[b] as Mention).group === g;
    if (seenBefore) continue;
    let tail = a;
    for (let b = a + 1; b < mentions.length; b++)
      if ((mentions[b] as Mention).group === g) tail = b;
    if (tail === a) continue;
    const to = (mentions[tail] as Mention).first;
    let listed = false;
    for (let i = head.first; i < to && !listed; i++)
      listed = keys[i] === 'and' || keys[i] === 'or' || keys[i] === '&';
    // Those split off get new numbers, above every group read so far.
    if (!listed)
      for (let b = a + 1; b <= tail; b++) {
        const m = mentions[b] as Mention;
        if (m.group === g) m.group = group++;
      }
  }
  return group;
}

/** What an anaphor can point back to: the history, then this sentence's mentions before it. */
interface Before {
  history: readonly Mention[];
  mentions: readonly Mention[];
  /** How many of `mentions` stand before the anaphor. */
  count: number;
}

/** The mention `back` places before the anaphor (0 the latest), read in place, not copied. */
function before(b: Before, back: number): Mention | undefined {
  if (back < b.count) return b.mentions[b.count - 1 - back];
  const at = b.history.length - 1 - (back - b.count);
  // A negative index is no array index: reading one takes the engine's slowest path.
  return at >= 0 ? b.history[at] : undefined;
}

function lastBefore(b: Before, test: (m: Mention) => boolean): Mention | undefined {
  for (let k = b.count - 1; k >= 0; k--) if (test(b.mentions[k] as Mention)) return b.mentions[k];
  for (let k = b.history.length - 1; k >= 0; k--)
    if (test(b.history[k] as Mention)) return b.history[k];
  return undefined;
}

/** "he", "his": a single person, or an office. */
const personLike = (m: Mention): boolean => !m.plural && !!(m.person || m.title);
/** "it", "its": a single body that is no person. */
const thingLike = (m: Mention): boolean => !m.plural && !m.person && !m.title && !m.anaphor;

/** The last two distinct actors named (oldest first), or fewer. */
function lastTwo(b: Before): Mention[] {
  const out: Mention[] = [];
  let seen: string | null = null;
  for (let back = 0, m = before(b, 0); m && out.length < 2; m = before(b, ++back)) {
    const key = m.person?.id ?? m.code;
    if (key === seen || m.anaphor) continue;
    seen = key;
    out.unshift(m);
  }
  return out;
}

function copyAs(
  ctx: ComposeContext,
  m: Mention,
  first: number,
  last: number,
  group: number,
  word: string,
): Mention {
  const { prep, prepAt } = prepositionBefore(ctx, first);
  // A copy changed in place: spreading a mention into a literal is slow.
  const out = makeMention(m);
  out.first = first;
  out.last = last;
  out.possessive =
    POSSESSIVE.has(ctx.keys[last] ?? '') ||
    word === 'his' ||
    word === 'her' ||
    word === 'its' ||
    word === 'their';
  out.prep = prep;
  out.prepAt = prepAt;
  out.group = group;
  out.anaphor = true;
  out.evidence = [...m.evidence, `coref:${word}`];
  return out;
}

/** Resolves pronouns and "the two leaders" to the actors most recently named. */
function resolveAnaphora(
  ctx: ComposeContext,
  first: number,
  last: number,
  mentions: Mention[],
  history: Mention[],
  nextGroup: number,
): { mentions: Mention[]; nextGroup: number } {
  const added: Mention[] = [];
  let group = nextGroup;
  let cursor = 0;
  for (let i = first; i < last; i++) {
    if (!((ctx.tokens[i] as Token).lex & LEX.anaphor)) continue;
    const key = ctx.keys[i] ?? '';
    while (cursor < mentions.length && (mentions[cursor] as Mention).first < i) cursor++;
    const b: Before = { history, mentions, count: cursor };
    if (SINGULAR_PERSON.has(key)) {
      const ante = lastBefore(b, personLike);
      if (ante) added.push(copyAs(ctx, ante, i, i + 1, group++, key));
    } else if (THING.has(key)) {
      const ante = lastBefore(b, thingLike);
      if (ante && ctx.tokens[i]?.pos === 'PRON')
        added.push(copyAs(ctx, ante, i, i + 1, group++, key));
    } else if (PLURAL.has(key)) {
      // "they": the last plural actor ("the rebels"), else the last two named.
      const last = before(b, 0);
      const g = group++;
      if (last?.plural && !last.anaphor) added.push(copyAs(ctx, last, i, i + 1, g, key));
      else {
        const pair = lastTwo(b);
        if (pair.length === 2) for (const m of pair) added.push(copyAs(ctx, m, i, i + 1, g, key));
      }
    } else if ((key === 'both' || key === 'two') && PAIR_NOUNS.has(ctx.keys[i + 1] ?? '')) {
      const start = key === 'two' && ctx.keys[i - 1] === 'the' ? i - 1 : i;
      const pair = lastTwo(b);
      const g = group++;
      if (pair.length === 2) for (const m of pair) added.push(copyAs(ctx, m, start, i + 2, g, key));
      i++;
    }
  }
  if (added.length === 0) return { mentions, nextGroup: group };
  // "its fighters", "their air force": the sector belongs to the owner.
  const owned = new Set<Mention>();
  const extra: Mention[] = [];
  for (const p of added) {
    const m =
      p.possessive && p.country
        ? mentions.find((x) => x.unanchored && x.first === p.last)
        : undefined;
    if (!m || !p.country) continue;
    owned.add(m);
    const nat = p.org?.kind === 'NAT';
    extra.push(
      makeMention({
        ...m,
        country: p.country,
        org: nat ? p.org : null,
        code: nat ? p.code : p.country + (m.role ?? ''),
        unanchored: false,
        evidence: [...m.evidence, `owner:${p.code}`],
      }),
    );
  }
  const kept = owned.size ? mentions.filter((m) => !owned.has(m)) : mentions;
  return { mentions: byFirst([...kept, ...added, ...extra]), nextGroup: group };
}

/** Sorts a sentence's few mentions by their first token, stably, in place (insertion sort). */
function byFirst(list: Mention[]): Mention[] {
  for (let i = 1; i < list.length; i++) {
    const m = list[i] as Mention;
    let j = i - 1;
    for (; j >= 0 && (list[j] as Mention).first > m.first; j--) list[j + 1] = list[j] as Mention;
    list[j + 1] = m;
  }
  return list;
}

/**
 * Stage 3: the actors of every sentence, composed from the dictionaries, grouped where
 * coordinated, with pronouns resolved to the actors named before.
 * @example findActors(doc, keys, dict, '2024-07-25')[0] // mentions of sentence 0
 */
export function findActors(
  doc: Segmented,
  keys: readonly string[],
  dict: Dictionaries,
  day: string | null,
): Mention[][] {
  const ctx: ComposeContext = { tokens: doc.tokens, keys, dict, day, titles: [] };
  const out: Mention[][] = [];
  let group = 0;
  const history: Mention[] = [];
  // Every sentence's dictionary hits first: the trie walk's code stays warm across sentences.
  const atoms = doc.sentences.map((s) =>
    s.lex & LEX.actor ? findAtoms(doc.tokens, keys, s.first, s.last) : [],
  );
  for (const s of doc.sentences) {
    let mentions = composeMentions(ctx, atoms[s.index] as AtomHit[], group);
    for (const m of mentions) if (m.group >= group) group = m.group + 1;
    group = assignGroups(keys, mentions, group);
    // A group stands after the preposition of its first member ("between A and B").
    for (const m of mentions) {
      let head: Mention | undefined;
      for (const x of mentions)
        if (x.group === m.group) {
          head = x;
          break;
        }
      if (head && head !== m) {
        m.prep = head.prep;
        m.prepAt = head.prepAt;
      }
    }
    if (s.lex & LEX.anaphor) {
      const resolved = resolveAnaphora(ctx, s.first, s.last, mentions, history, group);
      mentions = resolved.mentions;
      group = resolved.nextGroup;
    }
    out.push(mentions);
    // Pronouns reach back two sentences at most.
    if (mentions.length > 0) {
      // In place: the last twelve, then this sentence's named actors.
      const drop = history.length - 12;
      if (drop > 0) {
        for (let k = 0; k < 12; k++) history[k] = history[k + drop] as Mention;
        history.length = 12;
      }
      for (const m of mentions) if (!m.anaphor) history.push(m);
    }
  }
  return out;
}
