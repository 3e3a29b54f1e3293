import { describe, expect, it } from 'vitest';
import { parserFor } from './parsers.js';

const ref = { instant: new Date('2024-07-25T12:00:00Z'), timezone: 'UTC' };

describe('parserFor', () => {
  it('gives no parser to a text with no date words', () => {
    expect(parserFor('The ministers held talks in the capital')).toBeNull();
  });

  it.each([
    ['met on Wed. in the capital', 'on Wed.'],
    ['signed on 5 Mar. 2024 in Paris', 'on 5 Mar. 2024'],
    ['talks held May 3, 2021 ended', 'May 3, 2021'],
    ['the strike of last night', 'last night'],
    ['three days ago, troops', 'three days ago'],
    ['visit next week', 'next week'],
    ['by 2024-07-25 at the latest', '2024-07-25'],
    ['overmorrow they meet', 'overmorrow'],
  ])('%s', (text, found) => {
    expect(parserFor(text)?.parse(text, ref)[0]?.text).toBe(found);
  });
});
