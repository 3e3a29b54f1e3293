import { describe, expect, it } from 'vitest';
import { loadDictionaries } from '../dictionaries/index.js';
import { EventRecord } from '../record.js';
import { codeArticle } from './index.js';

const dict = loadDictionaries();
const code = (text: string, published: string | null = '2024-07-25') =>
  codeArticle({ id: 't', text, published }, dict).records;
const brief = (text: string, published?: string | null) =>
  code(text, published).map(
    (r) => `${r.source.code}>${r.target?.code ?? '-'} ${r.cameo} ${r.modality}`,
  );

describe('codeArticle: who did what to whom', () => {
  it.each([
    [
      "Russian President Vladimir Putin has hosted Syria's Bashar Assad for a meeting.",
      ['RUSGOV>SYRGOV 043 asserted'],
    ],
    [
      "Syria's Bashar Assad was hosted by Russian President Vladimir Putin.",
      ['RUSGOV>SYRGOV 043 asserted'],
    ],
    ['Türkiye cut ties with Syria in 2011.', ['TUR>SYR 161 asserted']],
    ['Putin could hold phone talks with Erdogan if needed.', ['RUSGOV>TURGOV 041 possible']],
    ['Putin will visit Ankara next week.', ['RUSGOV>TUR 042 planned']],
    ['The Kremlin denied that Putin had met Erdogan.', ['RUSGOV>TURGOV 040 negated']],
    ['Russia agreed to send humanitarian aid to Syria.', ['RUS>SYR 033 asserted']],
    ['Iran threatened to attack Israel.', ['IRN>ISR 138 asserted']],
    ['Israel refused to meet Hamas.', ['ISR>PSEREB 125 asserted']],
    [
      'The UN urged Israel and Hamas to hold talks.',
      ['IGOUN>ISR 026 asserted', 'IGOUN>PSEREB 026 asserted'],
    ],
    ['Brazil beat Argentina 2-1 in the World Cup final.', []],
    ['Putin said the situation was complex.', []],
    ['Egyptian police arrested dozens of protesters in Cairo.', ['EGYCOP>EGYCVL 173 asserted']],
    // A region is no actor, and the country name inside it is not one either.
    ['Brazil hosted leaders from Latin America.', []],
    ['Mexico criticised North American leaders.', []],
    ['America criticised Russia.', ['USA>RUS 111 asserted']],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('gives one record per pair of several parties', () => {
    const pairs = brief(
      'In December 2022, the Turkish, Syrian and Russian defense ministers held talks in Moscow.',
    );
    expect(pairs).toEqual([
      'TURGOV>SYRGOV 040 asserted',
      'TURGOV>RUSGOV 040 asserted',
      'SYRGOV>RUSGOV 040 asserted',
    ]);
  });

  it('codes reported speech as the reported act, attributed to the speaker', () => {
    const [r, ...rest] = code(
      'The Ukrainian army said Russian troops shelled Ukrainian positions.',
    );
    expect(rest).toEqual([]);
    expect(r).toMatchObject({
      source: { code: 'RUSMIL' },
      target: { code: 'UKRMIL' },
      cameo: '194',
      quote: { speaker: { code: 'UKRMIL' } },
    });
  });

  it('resolves a role phrase to the office holder on the article date', () => {
    const [r2024] = code('The German chancellor visited Paris.', '2024-07-01');
    const [r2025] = code('The German chancellor visited Paris.', '2025-07-01');
    expect(r2024?.source.entity?.id).toBe('olaf-scholz');
    expect(r2025?.source.entity?.id).toBe('friedrich-merz');
  });

  it('keeps offsets into the original text, diacritics included', () => {
    const text =
      "Turkish President Recep Tayyip Erdoğan Erdoğan met Syria's Ahmed al-Sharaa in Ankara on Friday.";
    const [r] = code(text, '2025-06-01');
    expect(r).toBeDefined();
    if (!r) return;
    expect(text.slice(r.source.start, r.source.end)).toBe(r.source.text);
    expect(r.source.entity?.id).toBe('recep-tayyip-erdogan');
    expect(text.slice(r.trigger.start, r.trigger.end)).toBe('met');
    expect(r.date).toMatchObject({ value: '2025-05-30', text: 'Friday', basis: 'text' });
    expect(r.location).toMatchObject({ name: 'Ankara', country: 'TUR' });
  });

  it('gives stable ids and records that match the contract', () => {
    const a = code('Putin hosted Assad on Wednesday.');
    const b = code('Putin hosted Assad on Wednesday.');
    expect(a.map((r) => r.id)).toEqual(b.map((r) => r.id));
    for (const r of a) expect(EventRecord.safeParse(r).success).toBe(true);
  });

  it('codes an undated article, leaving relative dates unresolved', () => {
    const [r] = code('Putin hosted Assad on Wednesday.', null);
    expect(r?.date).toBeNull();
  });
});

describe('codeArticle: odd input', () => {
  it.each([
    ['empty', ''],
    ['only punctuation', '... ,,, ;;; !!! ???'],
    ['a sentence with no end', 'Russia and Turkey and Syria and Iran '.repeat(400)],
    ['scripts wink cannot read', 'Москва заявила, что 北京 و طهران approved talks with Ankara. 🙂'],
    ['verbs with no actors', 'They threatened, attacked, met, hosted, urged and condemned.'],
    ['actors with no verbs', 'Russia, Turkey, Syria, Iran, the UN, NATO.'],
  ])('%s gives valid records and ends', (_, text) => {
    for (const r of code(text)) expect(EventRecord.safeParse(r).success).toBe(true);
  });
});
