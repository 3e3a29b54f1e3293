import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, codeText, codeTexts } from './code.js';
import { loadDictionaries } from './dictionaries/index.js';
import { parseTextArticle } from './ingest/text-file.js';
import type { Article } from './record.js';

const dictionaries = loadDictionaries();
const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.txt'))
  .map((f) => parseTextArticle(f, readFileSync(join('examples', f), 'utf8')));
const visit = 'Russian President Vladimir Putin hosted Syrian President Bashar Assad on Wednesday.';

describe('codeTexts: several articles at once, each as codeText codes it', () => {
  it.each<[string, Article[], { published?: string }]>([
    ['the bundled examples', examples, {}],
    ['one article', [{ id: 'one', text: visit, published: '2024-07-25' }], {}],
    ['no articles', [], {}],
    [
      'an article without a date, dated by the option, between dated ones',
      [
        { id: 'a', text: visit, published: '2024-07-25' },
        { id: 'b', text: visit },
        { id: 'c', text: `${visit} Erdoğan called Assad.`, published: '2025-01-10' },
      ],
      { published: '2024-08-01' },
    ],
    [
      'more text than is read at once',
      Array.from({ length: 5 }, (_, i) => ({
        id: `part-${i}`,
        text: `${visit}\n\n`.repeat(400 + i),
        published: `2024-07-2${i}`,
      })),
      {},
    ],
    [
      'a long article coded in slices among short ones',
      [
        { id: 'short-1', text: visit, published: '2024-07-25' },
        {
          id: 'long',
          text: `${visit}\n\n`.repeat(Math.ceil((CHUNK_CHARS * 1.5) / (visit.length + 2))),
          published: '2024-07-25',
        },
        { id: 'short-2', text: 'Turkey cut ties with Syria in 2011.', published: '2024-07-25' },
      ],
      {},
    ],
  ])('%s', (_, articles, options) => {
    const one = articles.map((a) => codeText(a, { ...options, dictionaries }));
    const together = codeTexts(articles, { ...options, dictionaries });
    expect(together).toEqual(one);
    // Not vacuous: the articles with events give records, in their own order.
    expect(together.map((r) => r.records[0]?.articleId ?? null)).toEqual(
      articles.map((a, i) => (one[i]?.records.length ? a.id : null)),
    );
  });

  it('gives records for the examples', () => {
    expect(codeTexts(examples).reduce((n, r) => n + r.records.length, 0)).toBeGreaterThan(20);
  });
});
