import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, codeText, codeTexts, GROUP_ARTICLES, GROUP_CHARS } from './code.js';
import { loadDictionaries } from './dictionaries/index.js';
import type { Article } from './record.js';

const dictionaries = loadDictionaries();
const para =
  "Russian President Vladimir Putin hosted Syria's Bashar Assad in Moscow on Wednesday. " +
  'Turkey could cut ties with Syria, the minister said.\n\n';
/** A text of about `chars` characters made of `para`. */
const sized = (chars: number) => para.repeat(Math.ceil(chars / para.length));

const one = (id: string, text: string, published: string | null = '2024-07-25'): Article => ({
  id,
  text,
  published,
});

describe('codeTexts', () => {
  it.each<[string, Article[]]>([
    ['one article', [one('a', para)]],
    ['none', []],
    ['an empty text among others', [one('a', ''), one('b', para)]],
    [
      'articles without a date, given one by the options',
      [one('a', para, null), one('b', 'Erdog\u0306an met Putin in Ankara yesterday.', null)],
    ],
    [
      'more articles than a group holds',
      Array.from({ length: GROUP_ARTICLES + 30 }, (_, i) =>
        one(`a${i}`, i % 3 ? para : 'Iran threatened to attack Israel.'),
      ),
    ],
    [
      'more characters than a group holds',
      Array.from({ length: 3 }, (_, i) => one(`a${i}`, sized(GROUP_CHARS / 2.5))),
    ],
    [
      'an article longer than a slice between short ones',
      [one('a', para), one('long', sized(CHUNK_CHARS + 5_000)), one('b', para)],
    ],
  ])(
    'gives what codeText gives for each: %s',
    (_, articles) => {
      const options = { dictionaries, published: '2023-03-15' };
      const grouped = codeTexts(articles, options);
      expect(grouped).toHaveLength(articles.length);
      expect(grouped).toEqual(articles.map((a) => codeText(a, options)));
      // Every article with a text has its records, in its own place.
      grouped.forEach((r, i) => {
        for (const record of r.records) expect(record.articleId).toBe(articles[i]?.id);
        if (articles[i]?.text) expect(r.records.length).toBeGreaterThan(0);
      });
    },
    60_000,
  );
});
