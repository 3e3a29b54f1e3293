import { describe, expect, it } from 'vitest';
import { fixture } from '../../test/feed-builders.js';
import { parseFeedText, type FeedEntry } from './entries.js';

const ORIGIN = 'https://feeds.example.org';
const at = (path: string) => ORIGIN + path;
const read = (name: string) => parseFeedText(fixture(name, ORIGIN), at(`/feeds/${name}`));
const pick = (e: FeedEntry) => [e.link, e.title, e.published];

describe('parseFeedText', () => {
  it('reads RSS 2.0: links, guids as permalinks, RFC 822 dates, HTML descriptions as text', () => {
    const r = read('world.rss');
    if (!('feed' in r)) throw new Error(r.error);
    expect(r.feed).toMatchObject({ format: 'rss', title: 'Daily Ledger: World' });
    expect(r.feed.entries.map(pick).slice(0, 3)).toEqual([
      [
        at('/world/tokyo-seoul-call?utm_source=rss&utm_medium=feed'),
        'Japanese and South Korean leaders discuss missile launches by phone',
        '2025-06-11',
      ],
      [
        at('/world/minsk-sanctions'),
        'EU imposes new sanctions on Belarus over detained activists',
        '2025-06-12',
      ],
      [
        at('/world/nairobi-talks'),
        'Kenyan and Ethiopian ministers meet over border grazing dispute',
        '2025-06-09',
      ],
    ]);
    expect(r.feed.entries[1]?.text).toBe(
      'Eleven officials and two state companies have their assets frozen.',
    );
    expect(r.feed.entries[0]?.guid).toBe('ledger-2025-0611-call');
  });

  it('reads Atom: the alternate link made absolute, published before updated', () => {
    const r = read('region.atom');
    if (!('feed' in r)) throw new Error(r.error);
    expect(r.feed.format).toBe('atom');
    expect(r.feed.entries.map(pick)).toEqual([
      [
        at('/world/sudan-aid'),
        'Germany pledges aid for Sudan at Berlin donor meeting',
        '2025-06-13',
      ],
      [
        at('/world/tokyo-seoul-call'),
        'Japanese and South Korean leaders discuss missile launches by phone',
        '2025-06-11',
      ],
      [at('/world/removed-story'), 'Ceasefire talks postponed', '2025-06-10'],
    ]);
  });

  it('reads JSON Feed: items with and without a URL, text or HTML content', () => {
    const r = read('briefs.json');
    if (!('feed' in r)) throw new Error(r.error);
    expect(r.feed.format).toBe('json');
    const [norway, , , warsaw] = r.feed.entries;
    expect(norway).toMatchObject({
      link: null,
      guid: 'briefs-2025-06-15-norway',
      published: '2025-06-15',
    });
    expect(norway?.text).toMatch(/^Norway offered on Sunday to mediate/);
    expect(warsaw?.text).toBe('The foreign ministry gave the two diplomats three days to leave.');
  });

  const broken: [string, string, RegExp][] = [
    [
      'malformed XML',
      fixture('broken.rss', ORIGIN),
      /^malformed XML at line 6, column 36: Expected closing tag 'title'/,
    ],
    [
      'malformed JSON',
      '{"version": "https://jsonfeed.org/version/1.1", "items": [',
      /^malformed JSON feed: /,
    ],
    ['JSON that is no feed', '{"hello": "world"}', /^not a JSON Feed/],
    [
      'an HTML page',
      '<!doctype html><html><body><p>Hi</p></body></html>',
      /^an HTML page, not a feed$/,
    ],
    ['plain text', 'nothing to see here', /^not an RSS, Atom or JSON feed/],
  ];
  for (const [name, text, message] of broken)
    it(`says why ${name} is not read`, () => {
      const r = parseFeedText(text, at('/feed'));
      expect('error' in r && r.error).toMatch(message);
    });
});
