import { describe, expect, it } from 'vitest';
import { parseJsonlLine } from './jsonl.js';
import { parseTextArticle } from './text-file.js';

describe('parseTextArticle', () => {
  it.each([
    [
      ' date 2024-07-25 Russian President Vladimir Putin has hosted Assad.',
      '2024-07-25',
      null,
      'Russian President Vladimir Putin has hosted Assad.',
    ],
    [' date 2024-07-25\nPutin hosted Assad.', '2024-07-25', null, 'Putin hosted Assad.'],
    [
      'Date: 2023-02-10\nTitle: Relief arrives\n\nTeams arrived.',
      '2023-02-10',
      'Relief arrives',
      'Teams arrived.',
    ],
    ['Putin hosted Assad.', null, null, 'Putin hosted Assad.'],
    ['\uFEFF date 2020-01-02 Body.', '2020-01-02', null, 'Body.'],
  ])('%j', (raw, published, title, text) => {
    const a = parseTextArticle('a1', raw);
    expect(a).toMatchObject({ id: 'a1', published, title, text });
  });
});

describe('parseJsonlLine', () => {
  it.each([
    [
      '{"id":"a","text":"Putin met Assad.","published":"2024-07-25T10:00:00Z"}',
      { article: { id: 'a', published: '2024-07-25' } },
    ],
    ['{"id":7,"text":"Putin met Assad."}', { article: { id: '7', published: null } }],
    ['{"text":"Putin met Assad."}', { article: { id: 'in-3' } }],
    ['{"id":"a","text":', { issue: { code: 'bad-json', where: 'in.jsonl:3' } }],
    ['{"id":"a"}', { issue: { code: 'no-text', where: 'in.jsonl:3' } }],
    ['{"id":"a","text":""}', { issue: { code: 'bad-article' } }],
    ['[1,2]', { issue: { code: 'bad-json' } }],
  ])('%s', (line, expected) => {
    expect(parseJsonlLine(line, 'in.jsonl', 3)).toMatchObject(expected);
  });
});
