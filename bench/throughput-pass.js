// One side of the throughput benchmark (wink-nlp alone, or the coder) in a process of its own,
// so that neither side's garbage is collected on the other's time. It lives for the whole
// corpus, as a user's `dragoman code` run does: asked over IPC, it warms up once, then codes one
// part at a time and answers with the part's totals.
// Usage: forked by bench/throughput.js with the argument wink or coder.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** Articles coded before the clock first starts, so that both sides are timed with warm code. */
const WARM_UP = 100;

const side = process.argv[2];
let work;
// wink-nlp alone reads one article at a time: nothing else runs in between.
let batchSize = 1;
if (side === 'wink') {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const nlp = winkNLP(model, ['sbd', 'pos']);
  work = (batch) => {
    let sentences = 0;
    for (const a of batch) {
      const doc = nlp.readDoc(a.text);
      doc.tokens().out(nlp.its.pos);
      sentences += doc.sentences().length();
    }
    return { sentences, events: 0 };
  };
} else if (side === 'coder') {
  const { BATCH_ARTICLES, codeTexts } = await import('../dist/code.js');
  // Articles a batch, as `dragoman code` takes them.
  batchSize = BATCH_ARTICLES;
  const { loadDictionaries } = await import('../dist/dictionaries/index.js');
  const dictionaries = loadDictionaries();
  work = (batch) => ({
    sentences: 0,
    events: codeTexts(batch, { dictionaries }).reduce((n, r) => n + r.records.length, 0),
  });
} else {
  console.error('throughput-pass: the first argument is wink or coder');
  process.exit(2);
}

/** The articles of a JSON Lines file, one at a time. */
async function* articles(file) {
  for await (const line of createInterface({ input: createReadStream(file, 'utf8') }))
    if (line) yield JSON.parse(line);
}

/** Codes the first WARM_UP articles of a file, untimed. */
async function warmUp(file) {
  let n = 0;
  for await (const article of articles(file)) {
    if (n++ >= WARM_UP) break;
    work([article]);
  }
}

/** Codes a whole file a batch at a time and returns its totals (time only inside `work`). */
async function timedPass(file) {
  const totals = { ms: 0, articles: 0, sentences: 0, bytes: 0, events: 0, maxRss: 0 };
  let batch = [];
  const timed = () => {
    const t0 = performance.now();
    const r = work(batch);
    totals.ms += performance.now() - t0;
    totals.articles += batch.length;
    totals.sentences += r.sentences;
    totals.events += r.events;
    for (const a of batch) totals.bytes += Buffer.byteLength(a.text);
    batch = [];
  };
  for await (const article of articles(file)) {
    batch.push(article);
    if (batch.length === batchSize) timed();
  }
  if (batch.length > 0) timed();
  totals.maxRss = process.resourceUsage().maxRSS * 1024;
  return totals;
}

process.on('message', async ({ warm, file }) => {
  if (warm) {
    await warmUp(warm);
    process.send?.({ warmed: true });
  } else process.send?.(await timedPass(file));
});
process.send?.({ ready: true });
