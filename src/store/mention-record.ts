import type { Actor, EventDate, EventRecord, Location } from '../record.js';

/**
 * The form an event record is stored in: its values in a fixed order without the field
 * names, its sentence as an offset into the article text where it is found there, and its id
 * and article id left to the row's own columns. Records were most of a store's bytes, and
 * writing them out most of the time a commit took; this form is about a third of the JSON.
 * Rows stored as whole JSON objects by earlier versions are still read.
 */

/** The first element of a packed record: bumped whenever the order below changes. */
const FORMAT = 1;

/** The record fields this form keeps, in order (a test checks it against the contract). */
export const PACKED_FIELDS = [
  'id',
  'articleId',
  'sentenceIndex',
  'sentence',
  'source',
  'target',
  'cameo',
  'cameoLabel',
  'plover',
  'quadClass',
  'goldstein',
  'modality',
  'date',
  'location',
  'trigger',
  'quote',
  'confidence',
  'evidence',
] as const satisfies readonly (keyof EventRecord)[];

type PackedActor = [
  string,
  number,
  number,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

function packActor(a: Actor): PackedActor {
  return [
    a.text,
    a.start,
    a.end,
    a.code,
    a.country,
    a.org,
    a.role,
    a.entity?.id ?? null,
    a.entity?.name ?? null,
  ];
}

function unpackActor(p: PackedActor): Actor {
  return {
    text: p[0],
    start: p[1],
    end: p[2],
    code: p[3],
    country: p[4],
    org: p[5],
    role: p[6],
    entity: p[7] === null ? null : { id: p[7], name: p[8] ?? '' },
  };
}

/**
 * Where the sentence starts in the article text, or the sentence itself when the text does
 * not hold it as it is. It holds the trigger, so only the stretch around that is searched.
 */
function sentenceRef(r: EventRecord, text: string): number | string {
  const n = r.sentence.length;
  const from = Math.max(0, r.trigger.start - n);
  const at = n > 0 ? text.slice(from, r.trigger.start + n).indexOf(r.sentence) : -1;
  return at >= 0 ? from + at : r.sentence;
}

/**
 * A record in its stored form. `text` is the body of the article it was coded from.
 * @example unpackRecord(packRecord(r, text), r.id, r.articleId, text) // deep-equals r
 */
export function packRecord(r: EventRecord, text: string): string {
  const sentence = sentenceRef(r, text);
  const d = r.date;
  const l = r.location;
  return JSON.stringify([
    FORMAT,
    r.sentenceIndex,
    sentence,
    // A sentence found in the text is a start; its length gives the end.
    typeof sentence === 'number' ? r.sentence.length : null,
    packActor(r.source),
    r.target ? packActor(r.target) : null,
    r.cameo,
    r.cameoLabel,
    r.plover.type,
    r.plover.mode,
    r.quadClass,
    r.goldstein,
    r.modality,
    d ? [d.value, d.precision, d.text, d.basis, d.start, d.end] : null,
    l ? [l.name, l.country, l.lat, l.lon, l.text, l.start, l.end] : null,
    [r.trigger.text, r.trigger.start, r.trigger.end],
    // A quote's text is its sentence: kept only when it is not.
    r.quote
      ? [packActor(r.quote.speaker), r.quote.text === r.sentence ? null : r.quote.text]
      : null,
    r.confidence,
    r.evidence,
  ]);
}

/**
 * The record a stored row holds, in either form. `text` is the article's body, which a
 * packed record's sentence is read from.
 */
export function unpackRecord(
  stored: string,
  id: string,
  articleId: string,
  text: string,
): EventRecord {
  if (stored.startsWith('{')) return JSON.parse(stored) as EventRecord;
  const p = JSON.parse(stored) as unknown[];
  if (p[0] !== FORMAT) throw new Error(`stored record ${id} has unknown form ${String(p[0])}`);
  const at = p[2] as number | string;
  const sentence = typeof at === 'number' ? text.slice(at, at + (p[3] as number)) : at;
  const d = p[13] as
    | [
        string,
        EventDate['precision'],
        string | null,
        EventDate['basis'],
        number | null,
        number | null,
      ]
    | null;
  const l = p[14] as
    [string, string | null, number | null, number | null, string, number, number] | null;
  const t = p[15] as [string, number, number];
  const q = p[16] as [PackedActor, string | null] | null;
  return {
    id,
    articleId,
    sentenceIndex: p[1] as number,
    sentence,
    source: unpackActor(p[4] as PackedActor),
    target: p[5] ? unpackActor(p[5] as PackedActor) : null,
    cameo: p[6] as string,
    cameoLabel: p[7] as string,
    plover: { type: p[8] as string, mode: p[9] as string | null },
    quadClass: p[10] as EventRecord['quadClass'],
    goldstein: p[11] as number,
    modality: p[12] as EventRecord['modality'],
    date: d
      ? { value: d[0], precision: d[1], text: d[2], basis: d[3], start: d[4], end: d[5] }
      : null,
    location: l
      ? ({
          name: l[0],
          country: l[1],
          lat: l[2],
          lon: l[3],
          text: l[4],
          start: l[5],
          end: l[6],
        } satisfies Location)
      : null,
    trigger: { text: t[0], start: t[1], end: t[2] },
    quote: q ? { speaker: unpackActor(q[0]), text: q[1] ?? sentence } : null,
    confidence: p[17] as number,
    evidence: p[18] as string[],
  };
}
