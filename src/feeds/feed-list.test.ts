import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';
import { parseFeedList } from './feed-list.js';

describe('parseFeedList', () => {
  it('takes one URL a line, with comments, blank lines and duplicates, and names bad lines', () => {
    const text = [
      '# world news',
      'https://news.example.org/world.rss',
      '',
      'https://wire.example.org/region.atom   # the region desk',
      'https://news.example.org/world.rss',
      'news.example.org/no-scheme.xml',
      'ftp://files.example.org/feed.xml',
      'https://a.example.org/x https://b.example.org/y',
    ].join('\n');
    expect(parseFeedList(text, 'feeds.txt')).toEqual({
      urls: ['https://news.example.org/world.rss', 'https://wire.example.org/region.atom'],
      issues: [
        {
          code: 'bad-feed',
          message: 'not a URL: "news.example.org/no-scheme.xml"',
          where: 'feeds.txt:6',
        },
        {
          code: 'bad-feed',
          message: 'not an http(s) URL: "ftp://files.example.org/feed.xml"',
          where: 'feeds.txt:7',
        },
        {
          code: 'bad-feed',
          message: 'one feed URL a line, got "https://a.example.org/x https://b.example.org/y"',
          where: 'feeds.txt:8',
        },
      ],
    });
  });

  it('quotes a long bad line cut short', () => {
    const [issue] = parseFeedList(`${'x'.repeat(500)} y`, 'f').issues;
    expect(issue?.message).toBe(`one feed URL a line, got "${'x'.repeat(60)}…"`);
  });

  it('keeps a # inside a URL', () => {
    expect(parseFeedList('https://x.example.org/feed#top\r\n', 'f').urls).toEqual([
      'https://x.example.org/feed#top',
    ]);
  });
});

describe('parseDuration', () => {
  const cases: [string, number | null][] = [
    ['15m', 900_000],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
    [' 15M ', 900_000],
    ['15', null],
    ['15 minutes', null],
    ['-5m', null],
    ['', null],
  ];
  for (const [text, ms] of cases)
    it(`"${text}" → ${ms}`, () => expect(parseDuration(text)).toBe(ms));

  it('writes durations back as a person reads them', () => {
    expect([900_000, 5_400_000, 2500, 20, 90_061_000].map(formatDuration)).toEqual([
      '15m',
      '1h30m',
      '2.5s',
      '20ms',
      '1d1h1m1s',
    ]);
  });
});
