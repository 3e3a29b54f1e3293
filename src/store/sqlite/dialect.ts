import { sql } from 'kysely';
import type { SqlDialectParts } from '../sql-dialect.js';

/** SQLite's parts: FTS5 for full text, date() modifiers for periods. */
export const sqliteDialect: SqlDialectParts = {
  fullText(words) {
    // Each word quoted as an FTS5 string, so that no user text is read as query syntax.
    const match = words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
    return sql`select rowid from articles_fts where articles_fts match ${match}`;
  },
  bucket(period, column) {
    const c = sql.ref(column);
    switch (period) {
      case 'day':
        return sql<string>`${c}`;
      case 'week':
        return sql<string>`date(${c}, '-6 days', 'weekday 1')`;
      case 'month':
        return sql<string>`substr(${c}, 1, 7)`;
      case 'year':
        return sql<string>`substr(${c}, 1, 4)`;
    }
  },
};
