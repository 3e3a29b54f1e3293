import { describe, expect, it } from 'vitest';
import { articleKeys, entryKeys, normalizeUrl } from './keys.js';

describe('normalizeUrl', () => {
  const cases: [string, string][] = [
    ['https://News.Example.org/a?utm_source=rss&utm_medium=feed#top', 'https://news.example.org/a'],
    ['https://news.example.org/a?id=7&fbclid=x', 'https://news.example.org/a?id=7'],
    ['http://news.example.org:80/a', 'http://news.example.org/a'],
    ['https://news.example.org/A/', 'https://news.example.org/A/'],
  ];
  for (const [url, expected] of cases) it(url, () => expect(normalizeUrl(url)).toBe(expected));
});

describe('entryKeys', () => {
  const summary = 'The foreign ministers met in Nairobi on Monday to discuss the border.';
  const entry = {
    link: 'https://a.example.org/x?utm_source=rss',
    guid: null,
    title: 'Ministers meet',
    published: null,
    text: summary,
  };

  it('knows an entry by its link and by its title and text, wherever it is published', () => {
    const keys = entryKeys(entry);
    expect(keys[0]).toEqual({ kind: 'url', value: 'https://a.example.org/x' });
    const elsewhere = entryKeys({
      ...entry,
      link: 'https://b.example.org/y',
      text: ` ${summary.toUpperCase()} `,
    });
    expect(elsewhere[1]).toEqual(keys[1]);
    expect(entryKeys({ ...entry, title: 'Ministers meet again' })[1]).not.toEqual(keys[1]);
  });

  it('does not hash an entry with too little text to tell it apart', () => {
    expect(entryKeys({ ...entry, text: 'Live updates' })).toEqual([
      { kind: 'url', value: 'https://a.example.org/x' },
    ]);
    expect(entryKeys({ ...entry, link: null, title: null })).toEqual([]);
  });
});

describe('articleKeys', () => {
  it('knows an article by its canonical and fetched URLs and by its text', () => {
    const keys = articleKeys(
      'https://a.example.org/x',
      'https://a.example.org/x?utm_source=rss',
      'Putin met Assad.',
    );
    expect(keys.map((k) => k.kind)).toEqual(['url', 'hash']);
    expect(
      articleKeys('https://c.example.org/z', 'https://d.example.org/w', 'Putin  met Assad!')[2],
    ).toEqual(keys[1]);
  });
});
