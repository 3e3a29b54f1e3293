import type { RawBuilder } from 'kysely';
import type { Period } from './store.js';

/** What differs between SQL backends beyond what Kysely already hides. */
export interface SqlDialectParts {
  /** A subquery of article `seq`s whose title or text contains every one of the words. */
  fullText(words: string[]): RawBuilder<unknown>;
  /** The period a `YYYY-MM-DD` column falls in, as text (week: its Monday). */
  bucket(period: Period, column: string): RawBuilder<string>;
}
