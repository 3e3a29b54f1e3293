import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Context, Env, Hono } from 'hono';

/**
 * Where the built web interface is: `dist/web` beside the compiled server, or, when the server
 * runs from source, the project's `dist/web`. Null when it has not been built.
 */
export function defaultWebRoot(): string | null {
  for (const rel of ['../web/', '../../dist/web/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}index.html`)) return dir;
  }
  return null;
}

export interface WebOptions {
  /** The folder holding index.html and assets/. */
  root: string;
  /** What to answer when there is no such file and no index.html either. */
  notFound: (c: Context) => Response | Promise<Response>;
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * Serves the web interface at `/`: files from its folder, and index.html for any other path
 * that is not under /api, so that the interface's own links can be opened directly.
 * @example mountWeb(app, { root: '/srv/dragoman/dist/web', notFound: (c) => c.text('no', 404) })
 */
export function mountWeb<E extends Env>(app: Hono<E>, options: WebOptions): void {
  const files = serveStatic({ root: options.root });
  const index = serveStatic({ root: options.root, path: 'index.html' });
  const none = async () => {};
  app.get('*', async (c, next) => {
    if (isApi(c.req.path)) return next();
    const file = await files(c, none);
    if (file) {
      // Hashed file names never change content; index.html must be asked for again.
      const immutable = c.req.path.startsWith('/assets/');
      file.headers.set(
        'Cache-Control',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      return file;
    }
    // A missing asset is a 404, not the page: a stale page asking for old files should fail plainly.
    if (c.req.path.startsWith('/assets/')) return options.notFound(c);
    const page = await index(c, none);
    page?.headers.set('Cache-Control', 'no-cache');
    return page ?? options.notFound(c);
  });
}
