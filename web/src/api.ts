import { withQuery } from './filters.js';
import type { ArticleView, Coded, DyadRow, EventDetail, EventsPage, TimelineRow } from './types.js';

/** What the API said was wrong, ready to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

async function call<T>(path: string, signal?: AbortSignal, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, ...(signal ? { signal } : {}) });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'the server cannot be reached');
  }
  const body = (await res.json().catch(() => null)) as {
    error?: { message: string; issues?: { path: string; message: string }[] };
  } | null;
  if (!res.ok)
    throw new ApiError(
      res.status,
      body?.error?.message ?? `the server answered ${res.status}`,
      body?.error?.issues,
    );
  return body as T;
}

/** The JSON API, one function per endpoint the interface uses. */
export const api = {
  events: (q: URLSearchParams, signal?: AbortSignal) =>
    call<EventsPage>(withQuery('/api/events', q), signal),
  event: (id: string, signal?: AbortSignal) =>
    call<EventDetail>(`/api/events/${encodeURIComponent(id)}`, signal),
  article: (id: string, signal?: AbortSignal) =>
    call<ArticleView>(`/api/articles/${encodeURIComponent(id)}`, signal),
  dyads: (q: URLSearchParams, signal?: AbortSignal) =>
    call<{ dyads: DyadRow[] }>(withQuery('/api/dyads', q), signal),
  timeline: (q: URLSearchParams, signal?: AbortSignal) =>
    call<{ by: string; periods: TimelineRow[] }>(withQuery('/api/timeline', q), signal),
  code: (text: string, published: string | null, signal?: AbortSignal) =>
    call<Coded>('/api/code', signal, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, published, explain: true }),
    }),
};
