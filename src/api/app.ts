import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Context } from 'hono';
import { CHUNK_CHARS, codeText } from '../code.js';
import { listActors, resolveActorFilters } from '../dictionaries/directory.js';
import { explainText } from '../explain.js';
import type { Article } from '../record.js';
import { EventQuery, contentHash, type Store } from '../store/index.js';
import {
  ArticleIn,
  CodeIn,
  ErrorBody,
  EventRecord,
  ExplainedSentence,
  ListQuery,
  StoryEvent,
  TimelineQuery,
} from './schemas.js';
import { defaultWebRoot, mountWeb } from './static.js';

export interface AppOptions {
  store: Store;
  /** Bearer token every write endpoint requires; without one, writes answer loopback only. */
  token?: string | undefined;
  /** The one origin allowed to call the API from a browser (no CORS without it). */
  cors?: string | undefined;
  /** Largest request body in bytes (default 5 MB). */
  bodyLimit?: number;
  /** Where one line per request and server errors go. */
  log?: (line: string) => void;
  /** The caller's address, for the loopback rule (given by the server adapter). */
  remoteAddress?: (c: Context) => string | undefined;
  /** The built web interface to serve at `/` (default: dist/web; null: none). */
  webRoot?: string | null;
}

class BadQuery extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super('invalid query');
  }
}

const list = (v: string | string[] | undefined) => (v === undefined ? undefined : [v].flat());

/** The store query a request asks for, or BadQuery listing every problem. */
export function toEventQuery(p: z.infer<typeof ListQuery>): EventQuery {
  const issues: { path: string; message: string }[] = [];
  let after: EventQuery['after'];
  if (p.cursor)
    try {
      after = EventQuery.shape.after.parse(
        JSON.parse(Buffer.from(p.cursor, 'base64url').toString()),
      );
    } catch {
      issues.push({ path: 'cursor', message: 'not a cursor this API gave out' });
    }
  const dyad = p.dyad?.split(',').map((s) => s.trim());
  const { filters, unknown } = resolveActorFilters({
    actor: list(p.actor),
    source: list(p.source),
    target: list(p.target),
    dyad: dyad ? [dyad[0] as string, dyad[1] as string] : undefined,
  });
  for (const u of unknown)
    issues.push({
      path: u.field,
      message: `no country, organisation or person matches "${u.value}"`,
    });
  const q: EventQuery = { ...filters };
  const set = <K extends keyof EventQuery>(k: K, v: EventQuery[K] | undefined) => {
    if (v !== undefined) q[k] = v;
  };
  set('cameo', p.cameo);
  set('plover', p.plover);
  set('quad', p.quad ? Number(p.quad) : undefined);
  set('from', p.from);
  set('to', p.to);
  set('modality', p.modality);
  set('text', p.text);
  set('minArticles', p.minArticles);
  set('limit', p.limit);
  set('after', after);
  if (issues.length) throw new BadQuery(issues);
  return q;
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const errors = {
  400: json(ErrorBody, 'the request is invalid; `issues` lists every problem'),
};
const IdParam = z.object({ id: z.string().min(1) });

function error(
  c: Context,
  status: 400 | 401 | 403 | 404 | 413 | 500,
  code: string,
  message: string,
  issues?: { path: string; message: string }[],
) {
  return c.json({ error: { code, message, ...(issues ? { issues } : {}) } }, status);
}

/**
 * The HTTP API over a store, with its OpenAPI document generated from the same zod schemas
 * that validate each request.
 * @example const app = createApp({ store }); await app.request('/api/health')
 */
export function createApp(options: AppOptions) {
  const { store } = options;
  const log = options.log ?? (() => {});
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success)
        return error(
          c,
          400,
          'bad_request',
          'the request is invalid',
          result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
      return undefined;
    },
  });

  app.use('*', async (c, next) => {
    const t0 = performance.now();
    await next();
    log(
      `${c.req.method} ${new URL(c.req.url).pathname} ${c.res.status} ${(performance.now() - t0).toFixed(1)}ms`,
    );
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  if (options.cors) app.use('/api/*', cors({ origin: options.cors }));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.bodyLimit ?? 5 * 1024 * 1024,
      onError: (c) =>
        error(
          c,
          413,
          'too_large',
          `the body is over ${options.bodyLimit ?? 5 * 1024 * 1024} bytes`,
        ),
    }),
  );
  // Writes need the token when one is set, else a caller on this machine.
  const guardWrite = async (c: Context, next: () => Promise<void>) => {
    if (options.token) {
      if (c.req.header('authorization') !== `Bearer ${options.token}`)
        return error(c, 401, 'unauthorized', 'this endpoint needs Authorization: Bearer <token>');
    } else {
      const addr = options.remoteAddress?.(c);
      if (addr && !/^(127\.|::1$|::ffff:127\.)/.test(addr))
        return error(
          c,
          403,
          'forbidden',
          'without --token, writes are accepted from this machine only',
        );
    }
    await next();
    return undefined;
  };
  app.use('/api/articles', async (c, next) =>
    c.req.method === 'POST' ? guardWrite(c, next) : next(),
  );

  app.onError((err, c) => {
    if (err instanceof BadQuery)
      return error(c, 400, 'bad_request', 'the request is invalid', err.issues);
    // Hono's own 4xx (a body that is not JSON, say): said as ours, without its internals.
    if (err instanceof HTTPException && err.status < 500)
      return error(c, 400, 'bad_request', err.message || 'the request is invalid');
    log(`error: ${err.message}`);
    return error(c, 500, 'internal', 'internal error');
  });
  app.notFound((c) =>
    error(c, 404, 'not_found', `no such resource: ${new URL(c.req.url).pathname}`),
  );

  const cursorOf = (e: { id: number; date: { day: string } | null }) =>
    Buffer.from(JSON.stringify({ day: e.date?.day ?? null, id: e.id })).toString('base64url');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      responses: {
        200: json(
          z.object({
            status: z.literal('ok'),
            articles: z.number(),
            events: z.number(),
            mentions: z.number(),
            stories: z.number(),
          }),
          'the server and its store answer',
        ),
      },
    }),
    async (c) => c.json({ status: 'ok' as const, ...(await store.stats()) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      request: { query: ListQuery },
      responses: {
        200: json(
          z.object({ events: z.array(StoryEvent), next: z.string().nullable() }),
          'story events, newest first; pass `next` as `cursor` for more',
        ),
        ...errors,
      },
    }),
    async (c) => {
      const q = toEventQuery(c.req.valid('query'));
      const limit = q.limit ?? 50;
      const events = await store.events({ ...q, limit });
      const last = events[events.length - 1];
      return c.json({ events, next: events.length === limit && last ? cursorOf(last) : null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events/{id}',
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({
            event: StoryEvent,
            mentions: z.array(z.object({ articleId: z.string(), record: EventRecord })),
          }),
          'one story event with every mention and its sentence',
        ),
        404: json(ErrorBody, 'no story event has this id'),
      },
    }),
    async (c) => {
      const id = Number(c.req.valid('param').id);
      const event = Number.isInteger(id) ? await store.event(id) : null;
      if (!event)
        return error(c, 404, 'not_found', `no story event ${c.req.valid('param').id}`) as never;
      const mentions = await store.mentions({ eventId: id, limit: 10_000 });
      return c.json(
        { event, mentions: mentions.map((m) => ({ articleId: m.articleId, record: m.record })) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/mentions',
      request: { query: ListQuery },
      responses: {
        200: json(
          z.object({
            mentions: z.array(
              z.object({ eventId: z.number(), articleId: z.string(), record: EventRecord }),
            ),
          }),
          'event mentions (coder records)',
        ),
        ...errors,
      },
    }),
    async (c) =>
      c.json({ mentions: await store.mentions(toEventQuery(c.req.valid('query'))) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/articles/{id}',
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({
            article: ArticleIn.extend({ storyId: z.number() }),
            spans: z.array(
              z.object({
                kind: z.enum(['actor', 'trigger', 'date', 'place']),
                start: z.number(),
                end: z.number(),
                text: z.string(),
                label: z.string(),
              }),
            ),
          }),
          'the article text with the spans of every actor, trigger, date and place coded in it',
        ),
        404: json(ErrorBody, 'no article has this id'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const article = await store.article(id);
      if (!article) return error(c, 404, 'not_found', `no article ${id}`) as never;
      const mentions = await store.mentions({ articleId: id, limit: 100_000 });
      const spans = new Map<
        string,
        {
          kind: 'actor' | 'trigger' | 'date' | 'place';
          start: number;
          end: number;
          text: string;
          label: string;
        }
      >();
      const add = (
        kind: 'actor' | 'trigger' | 'date' | 'place',
        s: { start: number | null; end: number | null; text: string | null } | null,
        label: string,
      ) => {
        if (s && s.start !== null && s.end !== null && s.text !== null)
          spans.set(`${kind}:${s.start}:${s.end}`, {
            kind,
            start: s.start,
            end: s.end,
            text: s.text,
            label,
          });
      };
      for (const { record: r } of mentions) {
        add('actor', r.source, r.source.code);
        if (r.target) add('actor', r.target, r.target.code);
        add('trigger', r.trigger, `${r.cameo} ${r.cameoLabel}`);
        if (r.date) add('date', r.date, r.date.value);
        if (r.location) add('place', r.location, r.location.name);
      }
      const { id: articleId, url, title, source, published, text, storyId } = article;
      return c.json(
        {
          article: { id: articleId, url, title, source, published, text, storyId },
          spans: [...spans.values()].sort((a, b) => a.start - b.start),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/actors',
      request: {
        query: z.object({
          query: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({
            actors: z.array(
              z.object({
                key: z.string(),
                kind: z.string(),
                name: z.string(),
                roles: z.array(z.string()),
                events: z.number(),
                asSource: z.number(),
                asTarget: z.number(),
              }),
            ),
          }),
          'known actors with their dated roles and event counts',
        ),
        ...errors,
      },
    }),
    async (c) => {
      const { query, limit = 50 } = c.req.valid('query');
      const actors = await listActors(store, query, limit);
      return c.json({ actors }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/dyads',
      request: { query: ListQuery },
      responses: {
        200: json(
          z.object({
            dyads: z.array(
              z.object({
                pair: z.string(),
                events: z.number(),
                mentions: z.number(),
                quad: z.array(z.number()),
                goldstein: z.number(),
              }),
            ),
          }),
          'the most active pairs',
        ),
        ...errors,
      },
    }),
    async (c) => c.json({ dyads: await store.dyads(toEventQuery(c.req.valid('query'))) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/timeline',
      request: { query: TimelineQuery },
      responses: {
        200: json(
          z.object({
            by: z.string(),
            periods: z.array(
              z.object({
                period: z.string(),
                events: z.number(),
                mentions: z.number(),
                quad: z.array(z.number()),
                goldstein: z.number(),
                meanGoldstein: z.number(),
              }),
            ),
          }),
          'counts and Goldstein per period',
        ),
        ...errors,
      },
    }),
    async (c) => {
      const { by, ...rest } = c.req.valid('query');
      return c.json({ by, periods: await store.timeline(toEventQuery(rest), by) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/code',
      request: { body: { content: { 'application/json': { schema: CodeIn } }, required: true } },
      responses: {
        200: json(
          z.object({
            records: z.array(EventRecord),
            explanation: z
              .array(ExplainedSentence)
              .optional()
              .describe('with `explain`, what the coder saw in each sentence'),
          }),
          'the events coded from the text, not stored',
        ),
        ...errors,
      },
    }),
    (c) => {
      const { text, published, explain } = c.req.valid('json');
      const article = { id: 'playground', text, published: published ?? null };
      // Long texts are coded in slices, which the trace of one pass cannot describe.
      if (explain && text.length <= CHUNK_CHARS) {
        const { records, sentences } = explainText(article);
        return c.json({ records, explanation: sentences }, 200);
      }
      return c.json({ records: codeText(article).records }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/articles',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.union([
                ArticleIn,
                z.object({ articles: z.array(ArticleIn).min(1).max(1000) }),
              ]),
            },
          },
          required: true,
        },
      },
      responses: {
        200: json(
          z.object({
            results: z.array(
              z.object({ id: z.string(), status: z.string(), records: z.array(EventRecord) }),
            ),
          }),
          'each article coded and stored, with its records',
        ),
        ...errors,
        401: json(ErrorBody, 'a token is set and the request has not got it'),
        403: json(ErrorBody, 'no token is set and the caller is not on this machine'),
        413: json(ErrorBody, 'the body is over the limit'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const articles: Article[] = 'articles' in body ? body.articles : [body];
      const inputs = articles.map((article) => ({
        article,
        records: codeText(article).records,
        contentHash: contentHash(article),
      }));
      const results = await store.putArticles(inputs);
      return c.json(
        {
          results: results.map((r, i) => ({
            id: articles[i]?.id as string,
            status: r.status,
            records: r.status === 'failed' ? [] : (inputs[i]?.records ?? []),
          })),
        },
        200,
      );
    },
  );

  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  if (webRoot)
    mountWeb(app, {
      root: webRoot,
      notFound: (c) => error(c, 404, 'not_found', `no such resource: ${c.req.path}`),
    });

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'dragoman',
      version: '0.1.0',
      description:
        'Political events coded from news articles: story events, mentions, articles, actors.',
    },
  });
  return app;
}
