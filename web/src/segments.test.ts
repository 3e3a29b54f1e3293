import { describe, expect, it } from 'vitest';
import { segments, sentenceSpans } from './segments.js';
import type { Span } from './types.js';

const span = (kind: Span['kind'], start: number, end: number): Span => ({
  kind,
  start,
  end,
  label: kind,
});
const flat = (text: string, spans: Span[]) =>
  segments(text, spans).map((s) => [s.text, s.spans.map((x) => x.kind).join('+')]);

describe('segments', () => {
  it.each([
    ['no spans', 'Putin met Assad', [], [['Putin met Assad', '']]],
    [
      'two apart',
      'Putin met Assad',
      [span('source', 0, 5), span('trigger', 6, 9)],
      [
        ['Putin', 'source'],
        [' ', ''],
        ['met', 'trigger'],
        [' Assad', ''],
      ],
    ],
    [
      'one inside another',
      'in Moscow on Monday',
      [span('place', 3, 19), span('date', 13, 19)],
      [
        ['in ', ''],
        ['Moscow on ', 'place'],
        ['Monday', 'place+date'],
      ],
    ],
    [
      'out of range, dropped',
      'short',
      [span('actor', 3, 40), span('actor', 4, 2)],
      [['short', '']],
    ],
  ] as const)('%s', (_name, text, spans, expected) => {
    expect(flat(text, [...spans])).toEqual(expected);
  });

  it('keeps every character, once, in order', () => {
    const text = 'A <b>bold</b> "quote" & more';
    const parts = segments(text, [
      span('actor', 2, 13),
      span('trigger', 5, 9),
      span('date', 11, 20),
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });
});

describe('sentenceSpans', () => {
  const at = (text: string, start: number) => ({ text, start, end: start + text.length });

  it('places a record’s article offsets in its sentence, from the trigger', () => {
    const sentence = 'Putin met Assad in Moscow.';
    const spans = sentenceSpans(sentence, [
      { kind: 'trigger', at: at('met', 106), label: 't' },
      { kind: 'source', at: at('Putin', 100), label: 's' },
      { kind: 'place', at: at('Moscow', 119), label: 'p' },
      { kind: 'date', at: at('Monday', 40), label: 'elsewhere' },
      { kind: 'target', at: null, label: 'none' },
    ]);
    expect(spans.map((s) => [s.kind, sentence.slice(s.start, s.end)])).toEqual([
      ['trigger', 'met'],
      ['source', 'Putin'],
      ['place', 'Moscow'],
    ]);
  });

  it('chooses the occurrence of a repeated trigger word where the other parts fit', () => {
    const sentence = 'Talks failed, then talks with Iran began.';
    const spans = sentenceSpans(sentence, [
      { kind: 'trigger', at: at('talks', 519), label: 't' },
      { kind: 'target', at: at('Iran', 530), label: 'x' },
    ]);
    expect(spans.map((s) => s.start)).toEqual([19, 30]);
  });

  it('gives nothing when the trigger is not in the sentence', () => {
    expect(
      sentenceSpans('Nothing here.', [{ kind: 'trigger', at: at('met', 5), label: 't' }]),
    ).toEqual([]);
  });
});
