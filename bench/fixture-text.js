// The project's own text for the benchmarks: the paragraphs of the example articles and the
// gold sentences.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseTextArticle } from '../dist/ingest/text-file.js';

/** Example-article paragraphs and gold sentences, read from the project's fixtures. */
export function fixtureText() {
  const paragraphs = [];
  for (const f of readdirSync('examples')
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const a = parseTextArticle(f, readFileSync(join('examples', f), 'utf8'));
    paragraphs.push(...a.text.split(/\n\s*\n/).filter((p) => p.trim()));
  }
  const sentences = readFileSync('test/fixtures/gold.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l).text);
  return { paragraphs, sentences };
}
