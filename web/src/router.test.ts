import { describe, expect, it } from 'vitest';
import { filtersOf, withQuery } from './filters.js';
import { parseRoute } from './router.js';

describe('parseRoute', () => {
  it.each([
    ['/', '', 'events', null],
    ['/events', '?dyad=RUS,SYR', 'events', null],
    ['/events/42', '', 'event', '42'],
    ['/articles/000_61a1fd7f0c131dee', '', 'article', '000_61a1fd7f0c131dee'],
    ['/articles/a%2Fb%20c', '', 'article', 'a/b c'],
    ['/articles/%E0%A4%A', '', 'missing', null],
    ['/timeline', '?by=week', 'timeline', null],
    ['/network/', '', 'network', null],
    ['/map', '', 'map', null],
    ['/playground', '', 'playground', null],
    ['/events/1/more', '', 'missing', null],
    ['/nowhere', '', 'missing', null],
  ])('%s%s is the %s view', (path, search, view, id) => {
    expect(parseRoute(path, search)).toMatchObject({ view, id });
  });
});

describe('filters in the address', () => {
  it('keeps only filters with a value, and links carry them', () => {
    const q = new URLSearchParams('dyad=RUS,SYR&cursor=abc&by=week&text=%20&quad=4');
    expect(filtersOf(q).toString()).toBe('dyad=RUS%2CSYR&quad=4');
    expect(withQuery('/map', filtersOf(q))).toBe('/map?dyad=RUS%2CSYR&quad=4');
    expect(withQuery('/map', new URLSearchParams())).toBe('/map');
  });
});
