import { describe, expect, it } from 'vitest';
import { allParsers, parserFor } from './parsers.js';

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

// The cues are read off chrono-node's patterns: a newer chrono-node that reads more words must
// fail here rather than lose dates quietly.
describe('parserFor agrees with every parser kept', () => {
  const read = (results: ReturnType<typeof allParsers.parse>) =>
    results.map((r) => [r.index, r.text, r.start.date().toISOString()]);
  it.each([
    'Putin met Assad in Moscow on Wednesday, the Kremlin said.',
    'The talks, held on 5 March 2024 and again on March 12, ended without a deal.',
    'Troops withdrew two weeks ago after clashes last night near the border.',
    'The minister will visit next month, and again later this year.',
    'Sanctions imposed in 2019-07-25 were lifted by mid-2021.',
    'The summit is set for Sun. 14th of July, 2025 or the weekend after.',
    'Protests since Jan. 3 have spread; tomorrow a strike begins.',
    'A ceasefire took effect at midnight; by dawn shelling had resumed.',
    'Delegates met for three days in the capital before flying home.',
    'In the past 24 hours, +2 days after the vote, officials said.',
    'On the twenty-first of March, and on April third, and in 2023 May, talks resumed.',
    'Monthly talks on Sun., onthursday, and last Friday of next week showed a year-long rift.',
    'Fighting went on for a fourth straight week, -3 days, and Thurs. next week.',
    'Over the next two weeks, after a couple of days and in the past few months, this one year.',
    'From 5 to 7 March, on Sept. 5, 2023, the thirtieth of May and 2019/06/03, more talks.',
    'In March 2023, on 12th of Oct. and on Dec 25th, 2021 of June, nothing else.',
  ])('%s', (text) => {
    expect(read(parserFor(text)?.parse(text, ref) ?? [])).toEqual(
      read(allParsers.parse(text, ref)),
    );
  });
});
