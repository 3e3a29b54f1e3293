import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers one request; `hit` counts the requests to this path so far, from 1. */
export type Route = (
  req: IncomingMessage,
  res: ServerResponse,
  hit: number,
) => void | Promise<void>;

export interface LoggedRequest {
  path: string;
  at: number;
  headers: IncomingMessage['headers'];
}

export interface LocalServer {
  /** The origin, such as http://127.0.0.1:41234 */
  origin: string;
  url(path: string): string;
  /** Every request, in order of arrival. */
  requests: LoggedRequest[];
  hits(path: string): LoggedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on a loopback address and a free port, for tests of the client, the
 * feed reader and `watch`: nothing is mocked. Unknown paths (robots.txt included) are 404s.
 */
export async function startServer(
  routes: Record<string, Route>,
  host = '127.0.0.1',
): Promise<LocalServer> {
  const requests: LoggedRequest[] = [];
  const counts = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, at: Date.now(), headers: req.headers });
    const hit = (counts.get(path) ?? 0) + 1;
    counts.set(path, hit);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(route(req, res, hit)).catch((err: unknown) => {
      res.destroy(err as Error);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    requests,
    hits: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route that answers with a body, a type, and 304 when the client's validators match. */
export function body(
  text: string | (() => string),
  type: string,
  validators: { etag?: string; lastModified?: string } = {},
): Route {
  return (req, res) => {
    const { etag, lastModified } = validators;
    if (
      (etag && req.headers['if-none-match'] === etag) ||
      (!etag && lastModified && req.headers['if-modified-since'] === lastModified)
    ) {
      res.writeHead(304).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': type };
    if (etag) headers.etag = etag;
    if (lastModified) headers['last-modified'] = lastModified;
    res.writeHead(200, headers).end(typeof text === 'function' ? text() : text);
  };
}

/**
 * A route that streams `total` bytes of HTML in 64 KiB chunks without a Content-Length,
 * heeding back-pressure, and records how much it could write before the client hung up.
 */
export function hugePage(total: number, written: { bytes: number }): Route {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const chunk = Buffer.alloc(64 * 1024, '<p>filler words for a very long page</p>\n');
    const pump = () => {
      while (written.bytes < total && !res.destroyed) {
        written.bytes += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => undefined);
    pump();
  };
}
