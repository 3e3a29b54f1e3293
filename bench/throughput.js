// Throughput and memory of the coder against wink-nlp alone, on a corpus made from the
// project's own fixtures. Usage: node bench/throughput.js [--mb 50] [--out bench/out]
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { codeText } from '../dist/code.js';
import { loadDictionaries } from '../dist/dictionaries/index.js';
import { fixtureText } from './fixture-text.js';
import { rng } from './random.js';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '50' }, out: { type: 'string', default: 'bench/out' } },
});
const targetBytes = Number(values.mb) * 1e6;
if (!(targetBytes > 0)) {
  console.error('bench: --mb expects a positive number');
  process.exit(2);
}

async function makeCorpus(path) {
  const { paragraphs, sentences } = fixtureText();
  const rand = rng(42);
  const out = createWriteStream(path);
  let bytes = 0;
  let n = 0;
  while (bytes < targetBytes) {
    // An article: a few example paragraphs with gold sentences mixed in, on a varied date.
    const parts = [];
    const count = 3 + Math.floor(rand() * 5);
    for (let i = 0; i < count; i++) {
      if (rand() < 0.6) parts.push(paragraphs[Math.floor(rand() * paragraphs.length)]);
      else
        parts.push(
          Array.from({ length: 3 }, () => sentences[Math.floor(rand() * sentences.length)]).join(
            ' ',
          ),
        );
    }
    const day = new Date(
      Date.UTC(
        2001 + Math.floor(rand() * 25),
        Math.floor(rand() * 12),
        1 + Math.floor(rand() * 28),
      ),
    );
    const line =
      JSON.stringify({
        id: `bench-${n++}`,
        published: day.toISOString().slice(0, 10),
        text: parts.join('\n\n'),
      }) + '\n';
    bytes += Buffer.byteLength(parts.join('\n\n'));
    if (!out.write(line)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

async function* articles(path) {
  for await (const line of createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Infinity,
  }))
    if (line) yield JSON.parse(line);
}

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));

/**
 * Codes the corpus in blocks of articles, timing wink-nlp alone and then dragoman on each
 * block, so that drift on a shared machine hits both alike.
 */
async function run(path, dictionaries) {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const totals = { wink: 0, coder: 0, sentences: 0, bytes: 0, events: 0, articles: 0, blocks: [] };
  let block = [];
  const flush = () => {
    let t0 = performance.now();
    for (const a of block) {
      const doc = nlp.readDoc(a.text);
      doc.tokens().out(nlp.its.pos);
      totals.sentences += doc.sentences().length();
      totals.bytes += Buffer.byteLength(a.text);
    }
    const wink = performance.now() - t0;
    totals.wink += wink;
    t0 = performance.now();
    for (const a of block) totals.events += codeText(a, { dictionaries }).records.length;
    const coder = performance.now() - t0;
    totals.coder += coder;
    // Each block's ratio too: a full collection or a burst of load in one phase moves the sums, not the median.
    totals.blocks.push(wink / coder);
    totals.articles += block.length;
    block = [];
    sample();
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[Kcoded ${totals.articles} articles`);
  };
  for await (const a of articles(path)) {
    block.push(a);
    if (block.length === 100) flush();
  }
  if (block.length) flush();
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  return totals;
}

/** The q-quantile of a list of numbers (nearest rank). */
function quantile(list, q) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

mkdirSync(values.out, { recursive: true });
const corpus = join(values.out, `corpus-${values.mb}mb.jsonl`);
await makeCorpus(corpus);
const dictionaries = loadDictionaries();
sample();
const t = await run(corpus, dictionaries);
const mb = t.bytes / 1e6;
const winkSeconds = t.wink / 1000;
const coderSeconds = t.coder / 1000;
const maxRss = Math.max(peak, process.resourceUsage().maxRSS * 1024);
const rows = [
  ['corpus', `${mb.toFixed(1)} MB of text, ${t.articles} articles, ${t.sentences} sentences`],
  [
    'wink-nlp alone (sbd+pos)',
    `${(t.sentences / winkSeconds).toFixed(0)} sentences/s, ${(mb / winkSeconds).toFixed(2)} MB/s (${winkSeconds.toFixed(1)} s)`,
  ],
  [
    'dragoman code',
    `${(t.sentences / coderSeconds).toFixed(0)} sentences/s, ${(mb / coderSeconds).toFixed(2)} MB/s, ${t.events} events (${coderSeconds.toFixed(1)} s)`,
  ],
  ['ratio (dragoman / wink-nlp)', (winkSeconds / coderSeconds).toFixed(2)],
  [
    'ratio of one block',
    `median ${quantile(t.blocks, 0.5).toFixed(2)}, 10th to 90th percentile ${quantile(t.blocks, 0.1).toFixed(2)} to ${quantile(t.blocks, 0.9).toFixed(2)} (${t.blocks.length} blocks of up to 100 articles)`,
  ],
  ['peak memory (RSS)', `${(maxRss / 1e6).toFixed(0)} MB`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(30)} ${v}`);
