import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDictionaries } from '../src/dictionaries/index.js';
import { GoldSentence } from '../src/eval/gold.js';
import { evaluate } from '../src/eval/run.js';

const gold = readFileSync(new URL('./fixtures/gold.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => GoldSentence.parse(JSON.parse(l)));

describe('the project gold set', () => {
  it('is large and varied enough to mean something', () => {
    expect(gold.length).toBeGreaterThanOrEqual(200);
    const roots = new Set(gold.flatMap((g) => g.expected.map((e) => e.code.slice(0, 2))));
    expect(roots.size).toBe(20);
    expect(gold.filter((g) => g.expected.length === 0).length).toBeGreaterThanOrEqual(30);
    for (const m of ['planned', 'possible', 'negated'])
      expect(gold.some((g) => g.expected.some((e) => e.modality === m))).toBe(true);
  });

  it('is coded with F1 ≥ 0.85 at CAMEO root, with direction and modality', () => {
    const result = evaluate(gold, loadDictionaries());
    const headline = result.levels[0];
    expect(headline?.name).toBe('CAMEO root, direction, modality');
    expect(headline?.f1).toBeGreaterThanOrEqual(0.85);
  });
});
