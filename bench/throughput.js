// Throughput and memory of the coder against wink-nlp alone, on a corpus made from the
// project's own fixtures. Usage: node bench/throughput.js [--mb 50] [--parts 5] [--out bench/out]
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fixtureText } from './fixture-text.js';
import { rng } from './random.js';

const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '50' },
    parts: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/out' },
  },
});
const targetBytes = Number(values.mb) * 1e6;
const parts = Number(values.parts);
if (!(targetBytes > 0) || !(Number.isInteger(parts) && parts > 0)) {
  console.error('bench: --mb expects a positive number and --parts a whole number above 0');
  process.exit(2);
}

/** Writes the corpus as `parts` files of about equal size; returns their paths. */
async function makeCorpus(prefix) {
  const { paragraphs, sentences } = fixtureText();
  const rand = rng(42);
  const paths = Array.from({ length: parts }, (_, i) => `${prefix}.part${i + 1}.jsonl`);
  let bytes = 0;
  let n = 0;
  for (const [i, path] of paths.entries()) {
    const out = createWriteStream(path);
    const partEnd = (targetBytes * (i + 1)) / parts;
    while (bytes < partEnd) {
      // An article: a few example paragraphs with gold sentences mixed in, on a varied date.
      const chunks = [];
      const count = 3 + Math.floor(rand() * 5);
      for (let i = 0; i < count; i++) {
        if (rand() < 0.6) chunks.push(paragraphs[Math.floor(rand() * paragraphs.length)]);
        else
          chunks.push(
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
      const text = chunks.join('\n\n');
      const line =
        JSON.stringify({ id: `bench-${n++}`, published: day.toISOString().slice(0, 10), text }) +
        '\n';
      bytes += Buffer.byteLength(text);
      if (!out.write(line)) await new Promise((r) => out.once('drain', r));
    }
    await new Promise((r) => out.end(r));
  }
  return paths;
}

/** The Node flags of the installed command, read from its first line (`#!/usr/bin/env -S node ...`). */
function commandFlags() {
  const first = readFileSync(new URL('../dist/cli/main.js', import.meta.url), 'utf8').split(
    '\n',
  )[0];
  return first.split(/\s+/).filter((word) => word.startsWith('--'));
}
const FLAGS = commandFlags();

/**
 * One side in a child process of its own for the whole corpus (in one shared heap, part of the
 * coder's garbage collection would run on wink-nlp's clock), under the installed command's
 * flags. `ask` sends it a message and waits for its answer.
 */
async function startSide(side) {
  const child = fork(new URL('./throughput-pass.js', import.meta.url).pathname, [side], {
    execArgv: FLAGS,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('exit', (code) => {
    if (code) {
      console.error(`bench: the ${side} side stopped with code ${code}`);
      process.exit(1);
    }
  });
  // One message at a time, each answered before the next is sent.
  const answer = async () => (await once(child, 'message'))[0];
  await answer(); // ready
  return {
    ask: (message) => {
      child.send(message);
      return answer();
    },
    stop: () => child.kill(),
  };
}

/** The q-quantile of a list of numbers (nearest rank). */
function quantile(list, q) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

mkdirSync(values.out, { recursive: true });
const paths = await makeCorpus(join(values.out, `corpus-${values.mb}mb`));
// Part by part, each side in turn and each first in every other part, so that drift on a
// shared machine hits both alike.
const t = {
  wink: 0,
  coder: 0,
  sentences: 0,
  bytes: 0,
  events: 0,
  articles: 0,
  peak: 0,
  ratios: [],
};
// Each side lives for the whole corpus, as one `dragoman code` run over it would, and warms up
// once, on the first articles of the first part.
const sides = { wink: await startSide('wink'), coder: await startSide('coder') };
for (const side of Object.values(sides)) await side.ask({ warm: paths[0] });
for (const [i, path] of paths.entries()) {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[Kpart ${i + 1} of ${paths.length}`);
  const order = i % 2 ? ['coder', 'wink'] : ['wink', 'coder'];
  const r = {};
  for (const side of order) r[side] = await sides[side].ask({ file: path });
  t.wink += r.wink.ms;
  t.coder += r.coder.ms;
  t.sentences += r.wink.sentences;
  t.bytes += r.wink.bytes;
  t.articles += r.wink.articles;
  t.events += r.coder.events;
  t.peak = Math.max(t.peak, r.coder.maxRss);
  t.ratios.push(r.wink.ms / r.coder.ms);
}
for (const side of Object.values(sides)) side.stop();
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
const mb = t.bytes / 1e6;
const winkSeconds = t.wink / 1000;
const coderSeconds = t.coder / 1000;
const rows = [
  [
    'corpus',
    `${mb.toFixed(1)} MB of text, ${t.articles} articles, ${t.sentences} sentences (timed)`,
  ],
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
    'ratio of one part',
    `median ${quantile(t.ratios, 0.5).toFixed(2)}, lowest ${Math.min(...t.ratios).toFixed(2)}, highest ${Math.max(...t.ratios).toFixed(2)} (${t.ratios.length} parts)`,
  ],
  ['peak memory of the coder (RSS)', `${(t.peak / 1e6).toFixed(0)} MB`],
  ['node flags (both sides)', FLAGS.join(' ')],
];
for (const [k, v] of rows) console.log(`${k.padEnd(31)} ${v}`);
