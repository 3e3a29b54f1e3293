import type { Organisation, Person, RoleCode, Title } from '../../dictionaries/schemas.js';

/** An actor named in a sentence, composed from dictionary hits and resolved to a code. */
export interface Mention {
  /** Token range, end exclusive. */
  first: number;
  last: number;
  country: string | null;
  org: Organisation | null;
  role: RoleCode | null;
  title: Title | null;
  person: Person | null;
  plural: boolean;
  /** Followed by "'s": the owner of what comes next ("Russia's readiness"). */
  possessive: boolean;
  /** The preposition just before the mention ("in", "with"), or null. */
  prep: string | null;
  /** Token index of that preposition, or -1. */
  prepAt: number;
  /** A role with no country yet ("protesters"): takes the country of the other party. */
  unanchored: boolean;
  /** Which group of coordinated mentions ("A, B and C") it belongs to. */
  group: number;
  /** Named by a capital or a seat of government ("Moscow", "the Kremlin"). */
  seat: boolean;
  /** Resolved from a pronoun or a definite description. */
  anaphor: boolean;
  code: string;
  evidence: string[];
}

/**
 * A mention made from its fields, always by this one literal: mentions built in different
 * places (or spread) get different engine shapes, and reading fields of many shapes is slow.
 */
export function makeMention(m: Mention): Mention {
  return {
    first: m.first,
    last: m.last,
    country: m.country,
    org: m.org,
    role: m.role,
    title: m.title,
    person: m.person,
    plural: m.plural,
    possessive: m.possessive,
    prep: m.prep,
    prepAt: m.prepAt,
    unanchored: m.unanchored,
    seat: m.seat,
    group: m.group,
    anaphor: m.anaphor,
    code: m.code,
    evidence: m.evidence,
  };
}

/** The actor code: organisation or country block, then at most one role block. */
export function actorCode(m: Pick<Mention, 'country' | 'org' | 'role'>): string | null {
  if (m.org) {
    if (m.org.kind === 'NAT') return `${m.org.country ?? ''}${m.org.role ?? ''}`;
    return `${m.org.kind}${m.org.key}`;
  }
  if (!m.country) return null;
  return m.country + (m.role ?? '');
}
