import type { StoryEvent } from '../store/index.js';

/** GDELT 2.0 event table columns, in their order (GDELT Event Codebook V2.0). */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  'Actor1Code',
  'Actor1Name',
  'Actor1CountryCode',
  'Actor1KnownGroupCode',
  'Actor1EthnicCode',
  'Actor1Religion1Code',
  'Actor1Religion2Code',
  'Actor1Type1Code',
  'Actor1Type2Code',
  'Actor1Type3Code',
  'Actor2Code',
  'Actor2Name',
  'Actor2CountryCode',
  'Actor2KnownGroupCode',
  'Actor2EthnicCode',
  'Actor2Religion1Code',
  'Actor2Religion2Code',
  'Actor2Type1Code',
  'Actor2Type2Code',
  'Actor2Type3Code',
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  'Actor1Geo_Type',
  'Actor1Geo_FullName',
  'Actor1Geo_CountryCode',
  'Actor1Geo_ADM1Code',
  'Actor1Geo_ADM2Code',
  'Actor1Geo_Lat',
  'Actor1Geo_Long',
  'Actor1Geo_FeatureID',
  'Actor2Geo_Type',
  'Actor2Geo_FullName',
  'Actor2Geo_CountryCode',
  'Actor2Geo_ADM1Code',
  'Actor2Geo_ADM2Code',
  'Actor2Geo_Lat',
  'Actor2Geo_Long',
  'Actor2Geo_FeatureID',
  'ActionGeo_Type',
  'ActionGeo_FullName',
  'ActionGeo_CountryCode',
  'ActionGeo_ADM1Code',
  'ActionGeo_ADM2Code',
  'ActionGeo_Lat',
  'ActionGeo_Long',
  'ActionGeo_FeatureID',
  'DATEADDED',
  'SOURCEURL',
] as const;

type Cell = string | number;

function actor(a: StoryEvent['source'] | null): Cell[] {
  if (!a) return ['', '', '', '', '', '', '', '', '', ''];
  // Our codes are country (or IGO/NGO key) then one role: type codes follow the anchor.
  const anchor = a.country ?? '';
  const role = a.country && a.code.startsWith(a.country) ? a.code.slice(a.country.length) : '';
  const group = a.org && !a.country ? a.org : '';
  return [a.code, '', anchor, group, '', '', '', role, '', ''];
}

function fraction(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const dayOfYear = (Date.UTC(y, m - 1, d) - start) / 86_400_000 + 1;
  return Math.round((y + dayOfYear / 365) * 10_000) / 10_000;
}

/**
 * One GDELT 2.0 row for a story event; fields we do not have (tone, FIPS place codes, ethnic
 * and religion codes) are empty rather than guessed.
 */
export function gdeltRow(e: StoryEvent): Cell[] {
  const day = e.date?.day ?? e.firstReport;
  const sqlDate = day.replaceAll('-', '');
  const geo: Cell[] = e.location
    ? [
        e.location.name === e.location.country ? 1 : 4,
        e.location.name,
        '',
        '',
        '',
        e.location.lat ?? '',
        e.location.lon ?? '',
        '',
      ]
    : ['', '', '', '', '', '', '', ''];
  return [
    e.id,
    sqlDate,
    sqlDate.slice(0, 6),
    sqlDate.slice(0, 4),
    fraction(day),
    ...actor(e.source),
    ...actor(e.target),
    e.inLead ? 1 : 0,
    e.cameo,
    e.cameo.slice(0, 3),
    e.cameo.slice(0, 2),
    e.quadClass,
    e.goldstein,
    e.numMentions,
    e.numSources,
    e.numArticles,
    '',
    ...['', '', '', '', '', '', '', ''],
    ...['', '', '', '', '', '', '', ''],
    ...geo,
    `${e.firstReport.replaceAll('-', '')}000000`,
    e.sourceUrl ?? e.articleIds[0] ?? '',
  ];
}

/** A tab-separated line, with tabs and line breaks in values turned into spaces. */
export function tsv(cells: readonly Cell[]): string {
  return cells.map((c) => String(c).replace(/[\t\r\n]+/g, ' ')).join('\t') + '\n';
}
