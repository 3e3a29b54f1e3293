import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { createApp } from './app.js';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dragoman-api-'));
const articles = readFileSync(join(root, 'test/fixtures/store/same-meeting.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string });
let store: Store;
let app: ReturnType<typeof createApp>;
const lines: string[] = [];

beforeAll(async () => {
  store = await openStore(join(dir, 'api.db'));
  app = createApp({ store, log: (l) => lines.push(l) });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (
  a: ReturnType<typeof createApp>,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  a.request(path, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const body = async (r: Response) => (await r.json()) as Json;

describe('the HTTP API', () => {
  it('codes and stores a batch, then knows it has it', async () => {
    const first = await body(await post(app, '/api/articles', { articles }));
    expect(first.results.map((r: Json) => r.status)).toEqual([
      'added',
      'added',
      'added',
      'added',
      'added',
    ]);
    expect(first.results[0].records[0]).toMatchObject({ cameo: '040' });
    const again = await body(await post(app, '/api/articles', articles[0]));
    expect(again.results).toEqual([
      { id: 'moscow-talks-1', status: 'unchanged', records: expect.any(Array) },
    ]);
    const health = await body(await app.request('/api/health'));
    expect(health).toMatchObject({ status: 'ok', articles: 5 });
    expect(lines.some((l) => /^POST \/api\/articles 200 /.test(l))).toBe(true);
  });

  it('lists story events with filters and pages them with a cursor', async () => {
    const all = await body(await app.request('/api/events?dyad=putin,SYR&modality=asserted'));
    expect(all.events.map((e: Json) => [e.date.value, e.numArticles])).toEqual([
      ['2025-11-19', 1],
      ['2025-10-15', 3],
    ]);
    const page1 = await body(await app.request('/api/events?dyad=RUS,SYR&limit=1'));
    expect(page1.next).toEqual(expect.any(String));
    const page2 = await body(
      await app.request(`/api/events?dyad=RUS,SYR&limit=1&cursor=${page1.next}`),
    );
    expect(page2.events[0].id).not.toBe(page1.events[0].id);
  });

  it('shows one event with every mention and its sentence, and 404 for unknown ids', async () => {
    const [meeting] = (
      await body(await app.request('/api/events?dyad=RUS,SYR&from=2025-10-15&to=2025-10-15'))
    ).events;
    const one = await body(await app.request(`/api/events/${meeting.id}`));
    expect(one.mentions.map((m: Json) => m.articleId).sort()).toEqual([
      'moscow-talks-1',
      'moscow-talks-1',
      'moscow-talks-2',
      'moscow-talks-3',
    ]);
    for (const m of one.mentions) expect(m.record.sentence.length).toBeGreaterThan(0);
    expect((await app.request('/api/events/999999')).status).toBe(404);
    expect((await app.request('/api/events/abc')).status).toBe(404);
  });

  it('gives an article with the spans of its actors, triggers and dates', async () => {
    const a = await body(await app.request('/api/articles/moscow-talks-1'));
    expect(a.article).toMatchObject({ id: 'moscow-talks-1', source: 'Daily Ledger' });
    const kinds = new Set(a.spans.map((s: Json) => s.kind));
    for (const k of ['actor', 'trigger', 'date']) expect(kinds).toContain(k);
    for (const s of a.spans) expect(a.article.text.slice(s.start, s.end)).toBe(s.text);
    expect((await app.request('/api/articles/nope')).status).toBe(404);
  });

  it('answers mentions, actors, dyads and timelines', async () => {
    const m = await body(await app.request('/api/mentions?actor=al-sharaa&limit=100'));
    expect(m.mentions.length).toBeGreaterThanOrEqual(6);
    const a = await body(await app.request('/api/actors?query=putin'));
    expect(a.actors[0]).toMatchObject({ key: 'person:vladimir-putin', kind: 'person' });
    expect(a.actors[0].events).toBeGreaterThan(0);
    const d = await body(await app.request('/api/dyads'));
    expect(d.dyads[0]).toMatchObject({ pair: 'RUS|SYR' });
    const t = await body(await app.request('/api/timeline?dyad=RUS,SYR&by=month'));
    expect(t.periods.map((p: Json) => p.period)).toEqual(['2025-10', '2025-11']);
  });

  it('codes text without storing it', async () => {
    const before = await body(await app.request('/api/health'));
    const r = await body(
      await post(app, '/api/code', {
        text: 'Putin hosted Assad on Wednesday.',
        published: '2024-07-25',
      }),
    );
    expect(r.records[0]).toMatchObject({ cameo: '043', date: { value: '2024-07-24' } });
    expect(await body(await app.request('/api/health'))).toEqual(before);
  });

  it('explains the coding sentence by sentence when asked, with the same records', async () => {
    const text = 'Putin could call Erdogan if needed. Brazil beat Argentina 2-1.';
    const plain = await body(await post(app, '/api/code', { text, published: '2024-07-25' }));
    expect(plain.explanation).toBeUndefined();
    const r = await body(
      await post(app, '/api/code', { text, published: '2024-07-25', explain: true }),
    );
    expect(r.records).toEqual(plain.records);
    const [call, match] = r.explanation;
    expect(call).toMatchObject({ index: 0, text: 'Putin could call Erdogan if needed.' });
    expect(call.actors[0]).toMatchObject({
      text: 'Putin',
      code: 'RUSGOV',
      person: 'Vladimir Putin',
      evidence: ['actor:person:vladimir-putin'],
    });
    expect(call.triggers[0]).toMatchObject({ text: 'call', pattern: 'verb:call' });
    expect(match.rejections[0]).toMatchObject({
      text: 'beat',
      reason: expect.stringMatching(/sport/),
    });
    for (const s of r.explanation)
      for (const w of [...s.actors, ...s.triggers, ...s.rejections])
        expect(text.slice(w.start, w.end)).toBe(w.text);
  });

  it.each([
    ['/api/events?cameo=4x', 'cameo'],
    ['/api/events?from=2024-13-01', 'from'],
    ['/api/events?actor=Nobody%20Atall', 'actor'],
    ['/api/events?cursor=garbage', 'cursor'],
    ['/api/events?limit=0', 'limit'],
    ['/api/timeline?by=hour', 'by'],
  ])('answers 400 with the problem listed: %s', async (path, field) => {
    const r = await app.request(path);
    expect(r.status).toBe(400);
    const b = await body(r);
    expect(b.error.issues.map((i: Json) => i.path)).toContain(field);
  });

  it('answers 400 for bodies that are not valid, never a stack trace', async () => {
    const broken = await post(app, '/api/code', '{"text": ');
    expect(broken.status).toBe(400);
    const missing = await body(await post(app, '/api/articles', { id: 'x' }));
    expect(missing.error.code).toBe('bad_request');
    expect(JSON.stringify(missing)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('answers 404 for unknown paths and 500 without details when the store fails', async () => {
    expect((await app.request('/api/nothing')).status).toBe(404);
    const failing = createApp({
      store: {
        ...store,
        stats: () => Promise.reject(new Error('disk on fire at /secret/path')),
      } as Store,
    });
    const r = await failing.request('/api/health');
    expect(r.status).toBe(500);
    expect(await r.text()).not.toMatch(/secret|fire/);
  });

  it('limits bodies, guards writes, sets a CSP and no CORS unless asked', async () => {
    const small = createApp({ store, bodyLimit: 100 });
    expect((await post(small, '/api/code', { text: 'x'.repeat(500) })).status).toBe(413);
    const tokened = createApp({ store, token: 's3cret' });
    expect((await post(tokened, '/api/articles', articles[0])).status).toBe(401);
    expect(
      (await post(tokened, '/api/articles', articles[0], { authorization: 'Bearer s3cret' }))
        .status,
    ).toBe(200);
    const remote = createApp({ store, remoteAddress: () => '10.1.2.3' });
    expect((await post(remote, '/api/articles', articles[0])).status).toBe(403);
    const local = createApp({ store, remoteAddress: () => '127.0.0.1' });
    expect((await post(local, '/api/articles', articles[0])).status).toBe(200);
    const plain = await app.request('/api/health', {
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(plain.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    const open = createApp({ store, cors: 'https://ui.example' });
    const withCors = await open.request('/api/health', {
      headers: { origin: 'https://ui.example' },
    });
    expect(withCors.headers.get('access-control-allow-origin')).toBe('https://ui.example');
  });

  it('describes itself in OpenAPI 3, from the schemas that validate requests', async () => {
    const doc = await body(await app.request('/api/openapi.json'));
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/events',
        '/api/events/{id}',
        '/api/mentions',
        '/api/articles/{id}',
        '/api/articles',
        '/api/actors',
        '/api/dyads',
        '/api/timeline',
        '/api/code',
        '/api/health',
      ]),
    );
    const params = doc.paths['/api/events'].get.parameters.map((p: Json) => p.name);
    expect(params).toEqual(expect.arrayContaining(['actor', 'dyad', 'cameo', 'from', 'cursor']));
  });
});
