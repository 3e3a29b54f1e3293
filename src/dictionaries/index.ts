import { buildDictionaries, type Dictionaries } from './build.js';
import { DictionaryError } from './errors.js';
import { DEFAULT_DATA_DIR, readData } from './read.js';

export type {
  Atom,
  Dictionaries,
  Lexeme,
  NounTrigger,
  Place,
  Tense,
  VerbTrigger,
} from './build.js';
export { DictionaryError, type DictionaryProblem } from './errors.js';
export { DEFAULT_DATA_DIR, readData } from './read.js';
export { isSpeechVerb, placeKey, phraseKeys, TENSE, withPlurals } from './build.js';
export { LEX } from './lex.js';

const cache = new Map<string, Dictionaries>();

/**
 * Reads, validates and indexes the dictionaries once per folder.
 * @throws DictionaryError listing every bad entry by file and entry.
 * @example const dict = loadDictionaries();
 */
export function loadDictionaries(dir: string = DEFAULT_DATA_DIR): Dictionaries {
  const hit = cache.get(dir);
  if (hit) return hit;
  const raw = readData(dir);
  if (raw.problems.length > 0) throw new DictionaryError(raw.problems);
  const dict = buildDictionaries(raw);
  cache.set(dir, dict);
  return dict;
}
