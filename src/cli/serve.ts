import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AddressInfo } from 'node:net';
import { createApp } from '../api/app.js';
import { openStore, withReadPool } from '../store/index.js';
import { EXIT } from './errors.js';

export interface ServeCommandOptions {
  db: string;
  port: number;
  host: string;
  token?: string;
  cors?: string;
  bodyLimit: number;
  /** Reader threads for queries (0: the one connection answers everything). */
  readers: number;
}

/** `dragoman serve`: the HTTP API over a store until SIGINT or SIGTERM. */
export async function runServe(opts: ServeCommandOptions): Promise<number> {
  const store = await withReadPool(opts.db, await openStore(opts.db), opts.readers);
  const app = createApp({
    store,
    token: opts.token,
    cors: opts.cors,
    bodyLimit: opts.bodyLimit,
    log: (line) => console.error(`${new Date().toISOString()} ${line}`),
    remoteAddress: (c) => getConnInfo(c).remote.address,
  });
  const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { address, port } = server.address() as AddressInfo;
  const shown = address.includes(':') ? `[${address}]` : address;
  console.error(`dragoman: serving ${opts.db} on http://${shown}:${port}/ (Ctrl-C stops)`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.close(() => resolve());
      // Idle keep-alive connections must not hold the stop.
      (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await store.close();
  console.error('dragoman: stopped');
  return EXIT.ok;
}
