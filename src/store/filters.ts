import {
  sql,
  type ExpressionBuilder,
  type Expression,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import type { Database } from './schema.js';
import type { SqlDialectParts } from './sql-dialect.js';
import type { EventQuery } from './store.js';

type EventsEb = ExpressionBuilder<Database, 'events'>;

/** Story events that have one of the keys on the given side (or either side). */
function withKeys(eb: EventsEb, keys: string[], side: 's' | 't' | null, q: EventQuery) {
  let sub = eb
    .selectFrom('event_actors')
    .select('event_actors.event_id')
    .where('event_actors.key', 'in', keys);
  if (side) sub = sub.where('event_actors.side', '=', side);
  // Narrowing by day inside the subquery lets the (key, day) index do the work.
  if (q.from) sub = sub.where('event_actors.day', '>=', q.from);
  if (q.to) sub = sub.where('event_actors.day', '<=', q.to);
  return eb('events.id', 'in', sub);
}

function dyad(eb: EventsEb, a: string[], b: string[], q: EventQuery) {
  const pairs = (x: string[], y: string[]) => {
    let sub = eb
      .selectFrom('event_actors as s')
      .innerJoin('event_actors as t', 't.event_id', 's.event_id')
      .select('s.event_id')
      .where('s.side', '=', 's')
      .where('t.side', '=', 't')
      .where('s.key', 'in', x)
      .where('t.key', 'in', y);
    if (q.from) sub = sub.where('s.day', '>=', q.from);
    if (q.to) sub = sub.where('s.day', '<=', q.to);
    return sub;
  };
  return eb.or([eb('events.id', 'in', pairs(a, b)), eb('events.id', 'in', pairs(b, a))]);
}

/** A mention's article holds every word of the text (null when the text has no words). */
function reportedIn(text: string, dialect: SqlDialectParts): RawBuilder<boolean> | null {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? sql<boolean>`mentions.article_seq in (${dialect.fullText(words)})` : null;
}

/**
 * The WHERE conditions of a query over story events, shared by every command that reads
 * them.
 */
export function eventConditions(
  eb: EventsEb,
  q: EventQuery,
  dialect: SqlDialectParts,
): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (q.actor?.length) all.push(withKeys(eb, q.actor, null, q));
  if (q.source?.length) all.push(withKeys(eb, q.source, 's', q));
  if (q.target?.length) all.push(withKeys(eb, q.target, 't', q));
  if (q.dyad) all.push(dyad(eb, q.dyad[0], q.dyad[1], q));
  if (q.cameo) all.push(eb('events.cameo', 'like', `${q.cameo}%`));
  if (q.plover) all.push(eb('events.plover', '=', q.plover.toUpperCase()));
  if (q.quad) all.push(eb('events.quad', '=', q.quad));
  if (q.modality) all.push(eb('events.modality', '=', q.modality));
  if (q.from) all.push(eb('events.day', '>=', q.from));
  if (q.to) all.push(eb('events.day', '<=', q.to));
  if (q.minArticles) all.push(eb('events.num_articles', '>=', q.minArticles));
  const reported = q.text ? reportedIn(q.text, dialect) : null;
  // EXISTS per event, so that a date range is walked first and the match list read once.
  if (reported)
    all.push(
      eb.exists(
        eb
          .selectFrom('mentions')
          .select(sql`1`.as('one'))
          .whereRef('mentions.event_id', '=', 'events.id')
          .where(reported),
      ),
    );
  if (q.after) {
    const { day, id } = q.after;
    // Newest first, undated last: continue strictly after the last row shown.
    all.push(
      day === null
        ? eb.and([eb('events.day', 'is', null), eb('events.id', '<', id)])
        : eb.or([
            eb('events.day', '<', day),
            eb.and([eb('events.day', '=', day), eb('events.id', '<', id)]),
            eb('events.day', 'is', null),
          ]),
    );
  }
  return eb.and(all);
}

/** Mention-level conditions: the same filters read off each mention's own columns. */
export function mentionConditions(
  eb: ExpressionBuilder<Database, 'mentions'>,
  q: EventQuery,
  dialect: SqlDialectParts,
): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  const side = (p: 'src' | 'tgt', keys: string[]) => {
    const people = keys.filter((k) => k.startsWith('person:')).map((k) => k.slice(7));
    return eb.or([
      eb(`mentions.${p}_code`, 'in', keys),
      eb(`mentions.${p}_country`, 'in', keys),
      eb(`mentions.${p}_org`, 'in', keys),
      ...(people.length ? [eb(`mentions.${p}_entity`, 'in', people)] : []),
    ]);
  };
  if (q.actor?.length) all.push(eb.or([side('src', q.actor), side('tgt', q.actor)]));
  if (q.source?.length) all.push(side('src', q.source));
  if (q.target?.length) all.push(side('tgt', q.target));
  if (q.dyad) {
    const [a, b] = q.dyad;
    all.push(
      eb.or([eb.and([side('src', a), side('tgt', b)]), eb.and([side('src', b), side('tgt', a)])]),
    );
  }
  if (q.cameo) all.push(eb('mentions.cameo', 'like', `${q.cameo}%`));
  if (q.plover) all.push(eb('mentions.plover', '=', q.plover.toUpperCase()));
  if (q.quad) all.push(eb('mentions.quad', '=', q.quad));
  if (q.modality) all.push(eb('mentions.modality', '=', q.modality));
  if (q.from) all.push(eb('mentions.day', '>=', q.from));
  if (q.to) all.push(eb('mentions.day', '<=', q.to));
  const reported = q.text ? reportedIn(q.text, dialect) : null;
  if (reported) all.push(reported);
  if (q.minArticles)
    all.push(
      eb(
        'mentions.event_id',
        'in',
        eb
          .selectFrom('events')
          .select('events.id')
          .where('events.num_articles', '>=', q.minArticles),
      ),
    );
  return eb.and(all);
}

/**
 * How a listing can walk one actor key's index entries newest first instead of collecting
 * every match and sorting it: the key, the side it must be on (null: either), the key the
 * other side must have, and what is left to check on each event.
 */
export interface KeyWalk {
  key: string;
  side: 's' | 't' | null;
  /** A dyad's other key, or a target's, on the side opposite the walked one. */
  other: string | null;
  rest: EventQuery;
}

const single = (keys: string[] | undefined) => (keys?.length === 1 ? keys[0] : undefined);

/** The key walks that answer a query: none when its actor filters do not name single keys. */
export function keyWalks(q: EventQuery): KeyWalk[] {
  const { actor, source, target, dyad, ...rest } = q;
  const a = dyad && single(dyad[0]);
  const b = dyad && single(dyad[1]);
  if (a && b && a !== b && !actor && !source && !target)
    // Either key can be walked: the caller walks the one with fewer entries.
    return [
      { key: a, side: null, other: b, rest },
      { key: b, side: null, other: a, rest },
    ];
  if (dyad) return [];
  const s = single(source);
  const t = single(target);
  const x = single(actor);
  if (s && !actor && (t || !target)) return [{ key: s, side: 's', other: t ?? null, rest }];
  if (t && !actor && !source) return [{ key: t, side: 't', other: null, rest }];
  if (x && !source && !target) return [{ key: x, side: null, other: null, rest }];
  return [];
}
