import { describe, expect, it } from 'vitest';
import { eventId, recordId } from './score.js';

describe('recordId', () => {
  it.each([
    ['a1', 0, 12, 0, null, '042'],
    ['bench-7', 3, 1402, 1377, 1420, '0431'],
  ] as const)(
    'is eventId of the same parts (%s)',
    (article, sentence, trigger, source, target, code) => {
      expect(recordId(article, sentence, trigger, source, target, code)).toBe(
        eventId([article, sentence, trigger, source, target, code]),
      );
    },
  );
});
