import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { ActorListing } from '../dictionaries/directory.js';
import type { DyadRow, StoryEvent, TimelineRow } from '../store/index.js';

export type StoryFormat = 'table' | 'jsonl' | 'csv';

const EVENT_COLUMNS = [
  'id',
  'date',
  'datePrecision',
  'sourceCode',
  'targetCode',
  'cameo',
  'cameoLabel',
  'ploverType',
  'ploverMode',
  'quadClass',
  'goldstein',
  'modality',
  'location',
  'lat',
  'lon',
  'numMentions',
  'numArticles',
  'numSources',
  'firstReport',
  'lastReport',
  'articleIds',
];

function eventCsvRow(e: StoryEvent): (string | number | null)[] {
  return [
    e.id,
    e.date?.value ?? null,
    e.date?.precision ?? null,
    e.source.code,
    e.target?.code ?? null,
    e.cameo,
    e.cameoLabel,
    e.plover.type,
    e.plover.mode,
    e.quadClass,
    e.goldstein,
    e.modality,
    e.location?.name ?? null,
    e.location?.lat ?? null,
    e.location?.lon ?? null,
    e.numMentions,
    e.numArticles,
    e.numSources,
    e.firstReport,
    e.lastReport,
    e.articleIds.join(' '),
  ];
}

function table(head: string[]): Table.Table {
  return new Table({ head, style: { head: [], border: [] }, wordWrap: true });
}

/** Story events in one format; CSV writes its header only with the first page. */
export function formatEvents(events: StoryEvent[], format: StoryFormat, header = true): string {
  if (format === 'jsonl') return events.map((e) => JSON.stringify(e) + '\n').join('');
  if (format === 'csv')
    return stringify(
      events.map(eventCsvRow),
      header ? { header: true, columns: EVENT_COLUMNS } : {},
    );
  if (events.length === 0) return 'No story events match.\n';
  const t = table(['id', 'date', 'source', 'target', 'event', 'modality', 'place', 'articles']);
  for (const e of events)
    t.push([
      e.id,
      e.date ? e.date.value : '-',
      e.source.code,
      e.target?.code ?? '-',
      `${e.cameo} ${e.cameoLabel}\n${e.plover.type}${e.plover.mode ? `/${e.plover.mode}` : ''}`,
      e.modality,
      e.location?.name ?? '-',
      `${e.numArticles} (${e.numMentions} mention${e.numMentions === 1 ? '' : 's'})`,
    ]);
  return t.toString() + '\n';
}

/** The four QuadClass counts as named columns. */
function byClass(quad: readonly number[]) {
  return {
    verbalCooperation: quad[0] ?? 0,
    materialCooperation: quad[1] ?? 0,
    verbalConflict: quad[2] ?? 0,
    materialConflict: quad[3] ?? 0,
  };
}

export function formatDyads(rows: DyadRow[], format: StoryFormat): string {
  const flat = rows.map((r) => ({
    pair: r.pair.replace('|', '-'),
    events: r.events,
    mentions: r.mentions,
    ...byClass(r.quad),
    goldstein: r.goldstein,
  }));
  if (format === 'jsonl') return flat.map((r) => JSON.stringify(r) + '\n').join('');
  if (format === 'csv') return stringify(flat, { header: true });
  if (rows.length === 0) return 'No pairs match.\n';
  const t = table([
    'pair',
    'events',
    'mentions',
    'verbal coop',
    'material coop',
    'verbal conflict',
    'material conflict',
    'Goldstein sum',
  ]);
  for (const r of flat)
    t.push([
      r.pair,
      r.events,
      r.mentions,
      r.verbalCooperation,
      r.materialCooperation,
      r.verbalConflict,
      r.materialConflict,
      r.goldstein,
    ]);
  return t.toString() + '\n';
}

/** A bar of block characters, so a timeline reads as a picture in the terminal. */
function bar(value: number, max: number, width = 30): string {
  if (max <= 0 || value <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((value / max) * width)));
}

export function formatTimeline(rows: TimelineRow[], format: StoryFormat): string {
  const flat = rows.map((r) => ({
    period: r.period,
    events: r.events,
    mentions: r.mentions,
    ...byClass(r.quad),
    goldstein: r.goldstein,
    meanGoldstein: r.meanGoldstein,
  }));
  if (format === 'jsonl') return flat.map((r) => JSON.stringify(r) + '\n').join('');
  if (format === 'csv') return stringify(flat, { header: true });
  if (rows.length === 0) return 'No dated story events match.\n';
  const max = Math.max(...rows.map((r) => r.events));
  const t = table(['period', 'events', 'coop v/m', 'conflict v/m', 'Goldstein', 'mean', '']);
  for (const r of rows)
    t.push([
      r.period,
      r.events,
      `${r.quad[0]}/${r.quad[1]}`,
      `${r.quad[2]}/${r.quad[3]}`,
      r.goldstein,
      r.meanGoldstein,
      bar(r.events, max),
    ]);
  return t.toString() + '\n';
}

export function formatActors(rows: ActorListing[], format: StoryFormat): string {
  if (format === 'jsonl') return rows.map((r) => JSON.stringify(r) + '\n').join('');
  if (format === 'csv')
    return stringify(
      rows.map((r) => ({ ...r, roles: r.roles.join('; ') })),
      { header: true },
    );
  if (rows.length === 0) return 'No actors match.\n';
  const t = table(['key', 'name', 'roles', 'events', 'as source', 'as target']);
  for (const r of rows)
    t.push([
      r.key,
      `${r.name} (${r.kind})`,
      r.roles.join('\n') || '-',
      r.events,
      r.asSource,
      r.asTarget,
    ]);
  return t.toString() + '\n';
}
