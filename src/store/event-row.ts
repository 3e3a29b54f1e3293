import type { Article } from '../record.js';
import { summarize, type MentionFacts, type Tally } from './merge.js';
import type { EventsTable } from './schema.js';

/** The outlet an article counts for in numSources: its source, its URL's host, or itself. */
export function outletOf(a: Pick<Article, 'id' | 'source' | 'url'>): string {
  if (a.source) return a.source;
  if (a.url)
    try {
      return new URL(a.url).hostname.replace(/^www\./, '');
    } catch {
      // Not a URL: the article counts as its own outlet.
    }
  return `article:${a.id}`;
}

/** The columns of a story event row, as every backend stores them. */
export type EventColumns = Omit<EventsTable, 'id'>;

/**
 * A story event's row and actor keys, read from the tally of its mentions.
 * @example eventColumns(tally, facts).row.num_mentions // 3
 */
export function eventColumns(
  t: Tally,
  f: Pick<MentionFacts, 'mergeKey' | 'pair' | 'root' | 'modality'>,
): { row: EventColumns; actorKeys: string[] } {
  const s = summarize(t, f.modality);
  const v = s.version;
  return {
    row: {
      merge_key: f.mergeKey,
      pair: f.pair,
      root: f.root,
      modality: f.modality,
      src_code: v.source.code,
      src_country: v.source.country,
      src_org: v.source.org,
      tgt_code: v.target?.code ?? null,
      tgt_country: v.target?.country ?? null,
      tgt_org: v.target?.org ?? null,
      cameo: v.cameo,
      label: v.label,
      quad: v.quad,
      goldstein: v.goldstein,
      plover: v.plover,
      plover_mode: v.mode,
      date_value: s.date?.value ?? null,
      date_precision: s.date?.precision ?? null,
      date_basis: s.date?.basis ?? null,
      day: s.day,
      win_start: s.window?.start ?? null,
      win_end: s.window?.end ?? null,
      place_name: s.place?.name ?? null,
      place_country: s.place?.country ?? null,
      lat: s.place?.lat ?? null,
      lon: s.place?.lon ?? null,
      num_mentions: s.numMentions,
      num_articles: s.numArticles,
      num_sources: s.numSources,
      first_report: s.firstReport,
      last_report: s.lastReport,
    },
    actorKeys: s.actorKeys,
  };
}
