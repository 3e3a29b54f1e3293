import { placeKey, type Dictionaries } from '../../dictionaries/index.js';
import { trieFrom } from '../../dictionaries/phrase-trie.js';
import type { Location } from '../../record.js';
import type { Token } from '../02-segment/segment.js';
import { sameClause } from '../06-dates/clause.js';

const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside']);

/** A place named after "in", "at", "near": its token range and gazetteer entry. */
export interface PlaceMention {
  at: number;
  location: Location;
}

/**
 * Places named in a sentence after a locative preposition, from the GeoNames-based gazetteer
 * (cities), the seats of government ("the Kremlin" is in Moscow) and country names.
 * @example findPlaces(tokens, keys, text, 0, tokens.length, dict)
 */
export function findPlaces(
  tokens: readonly Token[],
  keys: readonly string[],
  text: string,
  first: number,
  last: number,
  dict: Dictionaries,
): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (let i = first; i < last - 1; i++) {
    if (!LOCATIVE.has(keys[i] ?? '')) continue;
    let j = i + 1;
    if (keys[j] === 'the') j++;
    if (!tokens[j]?.cap) continue;
    // Longest capitalised run (up to four words) that the gazetteer knows.
    for (let len = Math.min(4, last - j); len >= 1; len--) {
      const a = tokens[j] as Token;
      const b = tokens[j + len - 1] as Token;
      const span = text.slice(a.start, b.end);
      const key = placeKey(span);
      const place = dict.places.get(key);
      const country = place ? null : countryPlace(dict, tokens, keys, j, len);
      const hit = place ?? country;
      if (!hit) continue;
      out.push({
        at: j,
        location: {
          name: hit.name,
          country: hit.country,
          lat: hit.lat,
          lon: hit.lon,
          text: span,
          start: a.start,
          end: b.end,
        },
      });
      i = j + len - 1;
      break;
    }
  }
  return out;
}

function countryPlace(
  dict: Dictionaries,
  tokens: readonly Token[],
  keys: readonly string[],
  at: number,
  len: number,
): { name: string; country: string; lat: number | null; lon: number | null } | null {
  // The token's lexicon entry holds the actor phrases going on from its word, if any.
  const start = (tokens[at] as Token).entry?.actor;
  const hit = start ? trieFrom(start, keys, at, at + len) : undefined;
  if (hit?.length !== len) return null;
  const atom = hit.values.find((a) => a.kind === 'country');
  if (!atom || atom.kind !== 'country') return null;
  const info = dict.countries.get(atom.iso3);
  return info ? { name: info.name, country: info.iso3, lat: info.lat, lon: info.lon } : null;
}

/** The place nearest the trigger within its clause. */
export function placeFor(
  places: readonly PlaceMention[],
  tokens: readonly Token[],
  keys: readonly string[],
  trigger: number,
): Location | null {
  let best: PlaceMention | null = null;
  for (const p of places) {
    if (!sameClause(tokens, keys, p.at, trigger)) continue;
    if (!best || Math.abs(p.at - trigger) < Math.abs(best.at - trigger)) best = p;
  }
  return best?.location ?? null;
}
