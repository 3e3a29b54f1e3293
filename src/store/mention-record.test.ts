import { describe, expect, it } from 'vitest';
import { codeText } from '../code.js';
import { EventRecord } from '../record.js';
import { PACKED_FIELDS, packRecord, unpackRecord } from './mention-record.js';

const ARTICLES = [
  // A person as actor, a place and a weekday.
  'Russian President Vladimir Putin hosted Syrian President Bashar Assad in Moscow on Wednesday.',
  // A quote: the speaker is kept, and its text is the sentence.
  'The Kremlin said Turkish President Recep Tayyip Erdoğan had apologised to Vladimir Putin in a letter.',
  // No target, no date of its own, a second sentence further in.
  'Markets were calm. Iran threatened to retaliate.',
];

const coded = ARTICLES.flatMap((text, i) =>
  codeText({ id: `a${i}`, text, published: '2024-07-25' }).records.map((r) => ({ r, text })),
);

describe('stored event records', () => {
  it('keeps every field of the record contract', () => {
    expect([...PACKED_FIELDS].sort()).toEqual(Object.keys(EventRecord.shape).sort());
  });

  it('covers records with people, places, quotes and no target', () => {
    const all = coded.map((c) => c.r);
    expect(all.some((r) => r.source.entity || r.target?.entity)).toBe(true);
    expect(all.some((r) => r.location)).toBe(true);
    expect(all.some((r) => r.quote)).toBe(true);
    expect(all.some((r) => r.target === null)).toBe(true);
  });

  it.each(coded.map((c) => [c.r.id, c.r.cameo, c]))('reads back %s (%s) as it was', (_, __, c) => {
    const packed = packRecord(c.r, c.text);
    expect(unpackRecord(packed, c.r.id, c.r.articleId, c.text)).toEqual(c.r);
    // The sentence is an offset into the text, not a copy of it.
    expect(packed).not.toContain(c.r.sentence);
  });

  it.each([
    ['text whose sentence was normalised differently', (t: string) => t.replace(/i/g, 'ı')],
    ['text cut before the sentence', (t: string) => t.slice(0, 3)],
    ['empty text', () => ''],
  ])('keeps the sentence itself for %s', (_, change) => {
    const { r, text } = coded[0] as (typeof coded)[number];
    const other = change(text);
    expect(unpackRecord(packRecord(r, other), r.id, r.articleId, other)).toEqual(r);
  });

  it('reads records stored whole by earlier versions', () => {
    const { r, text } = coded[1] as (typeof coded)[number];
    expect(unpackRecord(JSON.stringify(r), 'ignored', 'ignored', text)).toEqual(r);
  });

  it('refuses a form it does not know rather than misread it', () => {
    expect(() => unpackRecord('[9,0]', 'ev_1', 'a', '')).toThrow(/unknown form 9/);
  });
});
