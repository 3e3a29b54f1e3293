// API load test: GET /api/events with filters at 50 connections on loopback, against the
// store that `npm run bench:store` built. Usage: node bench/api.js [--db PATH] [--seconds 20]
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { serve } from '@hono/node-server';
import { createApp } from '../dist/api/app.js';
import { openStore } from '../dist/store/index.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'bench/out/store-bench.db' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
  },
});
if (!existsSync(values.db)) {
  console.error(`bench:api: no store at ${values.db}; run npm run bench:store first`);
  process.exit(2);
}
const store = await openStore(values.db, { readonly: true });
const server = serve({ fetch: createApp({ store }).fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address();

// Varied questions an analyst's browser would send: a dyad, an actor, a period, a class.
const COUNTRIES = ['RUS', 'UKR', 'USA', 'CHN', 'ISR', 'PSE', 'IRN', 'SYR', 'TUR', 'IND'];
let n = 0;
function nextPath() {
  const i = n++;
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

const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: Number(values.connections),
  duration: Number(values.seconds),
  requests: [{ setupRequest: (req) => ({ ...req, path: nextPath() }) }],
});
server.close();
await store.close();
const l = result.latency;
console.log(`store                 ${values.db}`);
console.log(
  `load                  ${values.connections} connections for ${values.seconds} s, GET /api/events with filters`,
);
console.log(
  `requests/s            ${result.requests.average.toFixed(0)} (${result.requests.total} requests)`,
);
console.log(
  `latency ms            p50 ${l.p50}, p90 ${l.p90}, p97.5 ${l.p97_5}, p99 ${l.p99}, max ${l.max}`,
);
console.log(
  `errors                ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
);
