import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { createApp } from './app.js';

const dir = mkdtempSync(join(tmpdir(), 'dragoman-web-'));
const web = join(dir, 'web');
let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>the page</title>');
  writeFileSync(join(web, 'assets/app-1a2b.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  store = await openStore(join(dir, 'web.db'));
  app = createApp({ store, webRoot: web });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the web interface at /', () => {
  it.each([
    ['/', 200, /text\/html/, 'no-cache', /the page/],
    ['/assets/app-1a2b.js', 200, /javascript/, 'immutable', /export/],
    ['/events/12?dyad=RUS,SYR', 200, /text\/html/, 'no-cache', /the page/],
    ['/playground', 200, /text\/html/, 'no-cache', /the page/],
    ['/%2e%2e/secret.txt', 200, /text\/html/, 'no-cache', /the page/],
    ['/assets/gone-9z.js', 404, /json/, null, /not_found/],
    ['/api/nothing', 404, /json/, null, /not_found/],
    ['/api', 404, /json/, null, /not_found/],
  ])('GET %s answers %i', async (path, status, type, cache, content) => {
    const r = await app.request(path);
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(type);
    if (cache) expect(r.headers.get('cache-control')).toContain(cache);
    expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const text = await r.text();
    expect(text).toMatch(content);
    expect(text).not.toContain('not for the web');
  });

  it('is absent when there is no web folder, and /api stays JSON', async () => {
    const bare = createApp({ store, webRoot: null });
    const r = await bare.request('/');
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await bare.request('/api/health')).status).toBe(200);
  });
});
