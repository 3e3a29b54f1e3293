/** Query parameters that narrow the events; every view that lists or draws events takes them. */
export const FILTER_KEYS = [
  'text',
  'actor',
  'dyad',
  'cameo',
  'plover',
  'quad',
  'modality',
  'from',
  'to',
  'minArticles',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Only the filters of a query, without empty values (what links between views carry). */
export function filtersOf(q: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = q.get(k)?.trim();
    if (v) out.set(k, v);
  }
  return out;
}

/**
 * A path with a query, or the bare path when the query is empty.
 * @example withQuery('/timeline', new URLSearchParams('dyad=RUS,SYR')) // '/timeline?dyad=RUS%2CSYR'
 */
export function withQuery(path: string, q: URLSearchParams): string {
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The filters in words, for headings and empty states. */
export function describeFilters(q: URLSearchParams): string {
  const f = filtersOf(q);
  const parts: string[] = [];
  for (const [k, v] of f) parts.push(`${k} ${v}`);
  return parts.length ? parts.join(', ') : 'no filters';
}

export const PLOVER_TYPES = [
  'AGREE',
  'AID',
  'ASSAULT',
  'COERCE',
  'CONCEDE',
  'CONSULT',
  'COOPERATE',
  'DEMAND',
  'DISAPPROVE',
  'FIGHT',
  'INVESTIGATE',
  'MOBILIZE',
  'PROTEST',
  'REJECT',
  'RETREAT',
  'SANCTION',
  'SUPPORT',
  'THREATEN',
];

export const QUAD_NAMES = [
  'Verbal cooperation',
  'Material cooperation',
  'Verbal conflict',
  'Material conflict',
];

export const MODALITIES = ['asserted', 'planned', 'possible', 'negated'];
