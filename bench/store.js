// Store benchmark: ingest rate (coding excluded) and query latency on generated event
// mentions. Usage: node bench/store.js [--mentions 1000000] [--out bench/out]
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { codeText } from '../dist/code.js';
import { parseTextArticle } from '../dist/ingest/text-file.js';
import { contentHash, openStore } from '../dist/store/index.js';
import { rng } from './random.js';

const { values } = parseArgs({
  options: {
    mentions: { type: 'string', default: '1000000' },
    out: { type: 'string', default: 'bench/out' },
    // Ask the questions again of the store the last run built, without rebuilding it.
    'queries-only': { type: 'boolean', default: false },
  },
});
const target = Number(values.mentions);
if (!(target > 0)) {
  console.error('bench:store: --mentions expects a positive number');
  process.exit(2);
}

// Reset before each pass over the articles, so that both passes see the same ones.
let rand = rng(7);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
/** Skewed choice: a few pairs are in the news far more than the rest. */
const skewed = (xs) => xs[Math.floor(xs.length * rand() ** 2.5)];

// Templates: the records the coder makes of the project's own fixtures, coded once.
function templates() {
  const sentences = readFileSync('test/fixtures/gold.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const out = [];
  for (const g of sentences)
    for (const r of codeText({ id: g.id, text: g.text, published: g.date ?? '2024-01-01' }).records)
      if (r.target) out.push(r);
  for (const f of readdirSync('examples').filter((x) => x.endsWith('.txt'))) {
    const a = parseTextArticle(f, readFileSync(join('examples', f), 'utf8'));
    for (const r of codeText(a).records) if (r.target) out.push(r);
  }
  return out;
}

const COUNTRIES = [
  'RUS',
  'UKR',
  'USA',
  'CHN',
  'ISR',
  'PSE',
  'IRN',
  'SYR',
  'TUR',
  'IND',
  'PAK',
  'GBR',
  'FRA',
  'DEU',
  'JPN',
  'KOR',
  'PRK',
  'SAU',
  'EGY',
  'QAT',
  'IRQ',
  'AFG',
  'SDN',
  'ETH',
  'NGA',
  'BRA',
  'VEN',
  'MEX',
  'CAN',
  'AUS',
  'POL',
  'HUN',
  'SRB',
  'ARM',
  'AZE',
  'GEO',
  'LBN',
  'YEM',
  'LBY',
  'MLI',
];
const ROLES = ['GOV', 'GOV', 'GOV', 'MIL', '', 'CVL', 'OPP'];
const PAIRS = [];
for (let i = 0; i < COUNTRIES.length; i++)
  for (let j = 0; j < COUNTRIES.length; j++) if (i !== j) PAIRS.push([COUNTRIES[i], COUNTRIES[j]]);
// Put the pairs that dominate real news first, so the skewed choice favours them.
PAIRS.sort(
  (a, b) =>
    COUNTRIES.indexOf(a[0]) +
    COUNTRIES.indexOf(a[1]) -
    COUNTRIES.indexOf(b[0]) -
    COUNTRIES.indexOf(b[1]),
);

function actor(a, country) {
  const role = pick(ROLES);
  return { ...a, code: country + role, country, org: null, role: role || null, entity: null };
}

const DAY = 86_400_000;
const START = Date.UTC(2016, 0, 1);
const DAYS = 3650;
/** The mean of 4 to 12 mentions an article. */
const MENTIONS_PER_ARTICLE = 8;
let nextId = 0;

/** One generated article: a handful of template sentences retold about other actors and days. */
function makeArticle(pool, n) {
  // Articles arrive in publication order, as from feeds or a dated archive, ten years of them.
  const day = new Date(START + Math.floor((n / (target / MENTIONS_PER_ARTICLE)) * DAYS) * DAY)
    .toISOString()
    .slice(0, 10);
  const count = 4 + Math.floor(rand() * 9);
  const records = [];
  const sentences = [];
  for (let i = 0; i < count; i++) {
    const t = pick(pool);
    const [a, b] = skewed(PAIRS);
    const eventDay = new Date(Date.parse(day) - Math.floor(rand() * 3) * DAY)
      .toISOString()
      .slice(0, 10);
    const sentence = `${t.sentence} (${a} ${b} ${n}-${i})`;
    sentences.push(sentence);
    records.push({
      ...t,
      id: `ev_${(nextId++).toString(16).padStart(12, '0')}`,
      articleId: `bench-${n}`,
      sentenceIndex: i,
      sentence,
      source: actor(t.source, a),
      target: actor(t.target, b),
      date: {
        value: eventDay,
        precision: 'day',
        text: null,
        basis: rand() < 0.5 ? 'text' : 'published',
        start: null,
        end: null,
      },
    });
  }
  const article = {
    id: `bench-${n}`,
    published: day,
    source: `outlet-${Math.floor(rand() * 40)}`,
    text: sentences.join(' '),
  };
  return { article, records };
}

/** Removes a SQLite file with its WAL and shared-memory files. */
function removeDb(path) {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) rmSync(f);
}

mkdirSync(values.out, { recursive: true });
const db = join(values.out, 'store-bench.db');
const reuse = values['queries-only'];
if (reuse && !existsSync(db)) {
  console.error(`bench:store: --queries-only needs the store of an earlier run at ${db}`);
  process.exit(2);
}
if (!reuse) removeDb(db);
const pool = reuse ? [] : (console.error('coding the fixtures for templates...'), templates());
const store = await openStore(db);

// The baseline, measured on the same batches in a pass of its own after the store's: plain
// SQLite writing each article and its records as JSON into two tables without indexes, no
// stories, no merging. Not interleaved with the store's batches: the store's writer would then
// rest while the baseline ran, its garbage collected and its WAL checkpointed off its clock.
const baseDb = join(values.out, 'baseline.db');
removeDb(baseDb);
const base = reuse ? null : new Database(baseDb);
let baseline = null;
if (base) {
  base.pragma('journal_mode = WAL');
  base.pragma('synchronous = NORMAL');
  base.exec('CREATE TABLE a (id TEXT, published TEXT, source TEXT, text TEXT)');
  base.exec('CREATE TABLE m (article TEXT, record TEXT)');
  const insertArticle = base.prepare('INSERT INTO a VALUES (?, ?, ?, ?)');
  const insertRecord = base.prepare('INSERT INTO m VALUES (?, ?)');
  baseline = base.transaction((batch) => {
    for (const { article, records } of batch) {
      insertArticle.run(article.id, article.published, article.source, article.text);
      for (const r of records) insertRecord.run(article.id, JSON.stringify(r));
    }
  });
}

/**
 * Generates the articles a batch of 1,000 at a time, as the CLI sends them (committed in groups,
 * each article atomic), hands each batch to `write` and returns the milliseconds it took.
 */
async function pass(label, write) {
  rand = rng(7);
  nextId = 0;
  let mentions = 0;
  let articles = 0;
  let ms = 0;
  const started = Date.now();
  while (mentions < target) {
    const batch = [];
    for (let i = 0; i < 1000 && mentions < target; i++) {
      const input = makeArticle(pool, articles++);
      batch.push({ ...input, contentHash: contentHash(input.article) });
      mentions += input.records.length;
    }
    const t0 = performance.now();
    await write(batch);
    ms += performance.now() - t0;
    if (process.stderr.isTTY)
      process.stderr.write(
        `\r\x1b[K${label}: ${articles} articles, ${mentions} mentions (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  return { ms, articles, mentions };
}

const ingest = reuse ? null : await pass('stored', (batch) => store.putArticles(batch));
const baselineMs = base ? (await pass('baseline', baseline)).ms : 0;
const { ms: ingestMs = 0, articles = 0, mentions = 0 } = ingest ?? {};
const stats = await store.stats();

// Ten typical questions, each asked with 20 different parameters.
const years = Array.from({ length: 10 }, (_, i) => 2016 + i);
const months = years.flatMap((y) =>
  Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`),
);
const lastDay = (month) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0))
    .toISOString()
    .slice(0, 10);
const WORDS = [
  'talks',
  'ceasefire',
  'sanctions',
  'protesters',
  'minister',
  'aid',
  'troops',
  'agreement',
];
const queries = {
  'events: a dyad over a year': (i) =>
    store.events({
      dyad: [[COUNTRIES[i % 6]], [COUNTRIES[(i + 1) % 6]]],
      from: `${years[i % 10]}-01-01`,
      to: `${years[i % 10]}-12-31`,
    }),
  'events: a quiet dyad over a year': (i) =>
    store.events({
      dyad: [[COUNTRIES[20 + (i % 10)]], [COUNTRIES[30 + (i % 10)]]],
      from: `${years[i % 10]}-01-01`,
      to: `${years[i % 10]}-12-31`,
    }),
  'timeline: an actor by month': (i) => store.timeline({ actor: [COUNTRIES[i % 12]] }, 'month'),
  'timeline: a dyad by week over a year': (i) =>
    store.timeline(
      {
        dyad: [[COUNTRIES[i % 4]], [COUNTRIES[(i + 2) % 4]]],
        from: `${years[i % 10]}-01-01`,
        to: `${years[i % 10]}-12-31`,
      },
      'week',
    ),
  'events: full text plus a month': (i) =>
    store.events({
      text: WORDS[i % WORDS.length],
      from: `${months[(i * 5) % 120]}-01`,
      to: lastDay(months[(i * 5) % 120]),
    }),
  'events: full text, actor and a year': (i) =>
    store.events({
      text: WORDS[i % WORDS.length],
      actor: [COUNTRIES[i % 8]],
      from: `${years[i % 10]}-01-01`,
      to: `${years[i % 10]}-12-31`,
    }),
  'dyads: top pairs of a month': (i) =>
    store.dyads({ from: `${months[(i * 6) % 120]}-01`, to: lastDay(months[(i * 6) % 120]) }),
  'events: conflict of an actor in a month': (i) =>
    store.events({
      actor: [COUNTRIES[i % 10]],
      quad: 4,
      from: `${months[(i * 6) % 120]}-01`,
      to: lastDay(months[(i * 6) % 120]),
    }),
  'events: a code prefix, reported twice or more': (i) =>
    store.events({
      cameo: ['04', '19', '11', '05'][i % 4],
      minArticles: 2,
      from: `${years[i % 10]}-01-01`,
      to: `${years[i % 10]}-12-31`,
    }),
  'mentions: a dyad in a month': (i) =>
    store.mentions({
      dyad: [[COUNTRIES[i % 6]], [COUNTRIES[(i + 1) % 6]]],
      from: `${months[(i * 6) % 120]}-01`,
      to: lastDay(months[(i * 6) % 120]),
    }),
};
const results = [];
for (const [name, run] of Object.entries(queries)) {
  await run(99); // warm the statement and the page cache
  const times = [];
  let rows = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const out = await run(i);
    times.push(performance.now() - t0);
    rows += out.length;
  }
  times.sort((a, b) => a - b);
  results.push([name, times[9], times[18], rows / 20]);
}
await store.close();
if (base) {
  base.close();
  removeDb(baseDb);
}
const bytes = [db, `${db}-wal`].filter(existsSync).reduce((s, f) => s + statSync(f).size, 0);

const seconds = ingestMs / 1000;
console.log(`store                          ${db}`);
if (reuse)
  console.log(
    `reused                         ${stats.articles} articles, ${stats.mentions} event mentions, ${stats.events} story events, ${stats.stories} stories`,
  );
else {
  console.log(
    `generated                      ${articles} articles, ${mentions} event mentions, ${stats.events} story events, ${stats.stories} stories`,
  );
  console.log(
    `ingest (coding excluded)       ${(articles / seconds).toFixed(0)} articles/s, ${(mentions / seconds).toFixed(0)} mentions/s (${seconds.toFixed(1)} s)`,
  );
  const baseRate = articles / (baselineMs / 1000);
  console.log(
    `baseline (plain SQLite)        ${baseRate.toFixed(0)} articles/s: the same articles and records as JSON into two tables, no index`,
  );
  console.log(`ratio to the baseline          ${(articles / seconds / baseRate).toFixed(2)}`);
}
console.log(
  `database size                  ${(bytes / 1e6).toFixed(0)} MB, ${((bytes / 1e6) * (1e6 / stats.mentions)).toFixed(0)} MB per million mentions`,
);
console.log('');
console.log(
  `${'query (20 runs each)'.padEnd(46)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'rows'.padStart(6)}`,
);
for (const [name, p50, p95, rows] of results)
  console.log(
    `${name.padEnd(46)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)} ${rows.toFixed(0).padStart(6)}`,
  );
