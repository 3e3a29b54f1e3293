// API load test: GET /api/events with filters at 50 connections on loopback, against the
// store that `npm run bench:store` built, served by `dragoman serve` in its own process; once
// with one connection answering everything (the baseline) and once with reader threads.
// Usage: node bench/api.js [--db PATH] [--seconds 20] [--connections 50] [--readers N]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'bench/out/store-bench.db' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    readers: { type: 'string', default: String(availableParallelism()) },
  },
});
if (!existsSync(values.db)) {
  console.error(`bench:api: no store at ${values.db}; run npm run bench:store first`);
  process.exit(2);
}

/** Starts `dragoman serve` on a free port; resolves with the port and the process. */
function startServer(readers) {
  const child = spawn(
    process.execPath,
    ['dist/cli/main.js', 'serve', '--db', values.db, '--port', '0', '--readers', String(readers)],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      seen += chunk;
      const m = /on http:\/\/127\.0\.0\.1:(\d+)\//.exec(seen);
      if (m) {
        // The request log is not part of the measurement: read and drop it.
        child.stderr.off('data', onData);
        child.stderr.resume();
        resolve({ port: Number(m[1]), child });
      }
    };
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve stopped (${code}): ${seen}`)));
  });
}

// Varied questions an analyst's browser would send: a dyad, an actor, a period, a class.
const COUNTRIES = ['RUS', 'UKR', 'USA', 'CHN', 'ISR', 'PSE', 'IRN', 'SYR', 'TUR', 'IND'];
function pathFor(i) {
  const year = 2016 + (i % 10);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const a = COUNTRIES[i % COUNTRIES.length];
  const b = COUNTRIES[(i * 7 + 3) % COUNTRIES.length];
  switch (i % 4) {
    case 0:
      return `/api/events?dyad=${a},${b === a ? 'SYR' : b}&from=${year}-01-01&to=${year}-12-31`;
    case 1:
      return `/api/events?actor=${a}&from=${year}-${month}-01&to=${year}-${month}-28&quad=4`;
    case 2:
      return `/api/events?actor=${a}&cameo=04&from=${year}-01-01&to=${year}-12-31&limit=20`;
    default:
      return `/api/events?from=${year}-${month}-01&to=${year}-${month}-28&modality=asserted`;
  }
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function load(readers) {
  const { port, child } = await startServer(readers);
  let n = 0;
  const times = [];
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: Number(values.connections),
    duration: Number(values.seconds),
    requests: [{ setupRequest: (req) => ({ ...req, path: pathFor(n++) }) }],
  });
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  times.sort((a, b) => a - b);
  return { readers, result, p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const runs = [await load(0), await load(Number(values.readers))];
console.log(`store        ${values.db}`);
console.log(
  `load         ${values.connections} connections for ${values.seconds} s each, GET /api/events with filters`,
);
console.log('');
console.log(
  `${'readers'.padEnd(10)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'timeouts'.padStart(9)} ${'non-2xx'.padStart(8)}`,
);
for (const { readers, result, p50, p95 } of runs)
  console.log(
    `${(readers === 0 ? '0 (base)' : String(readers)).padEnd(10)} ${result.requests.average.toFixed(0).padStart(8)} ${p50.toFixed(0).padStart(8)} ${p95.toFixed(0).padStart(8)} ${String(result.latency.p99).padStart(8)} ${String(result.errors).padStart(7)} ${String(result.timeouts).padStart(9)} ${String(result.non2xx).padStart(8)}`,
  );
const [base, pooled] = runs;
console.log('');
console.log(
  `throughput ratio to the baseline: ${(pooled.result.requests.average / base.result.requests.average).toFixed(2)}`,
);
