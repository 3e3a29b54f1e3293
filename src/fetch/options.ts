import { VERSION } from '../version.js';

/** Limits and manners of the HTTP client; every timing is here so that tests can run fast. */
export interface HttpOptions {
  /** Sent with every request, and the name robots.txt rules are matched against. */
  userAgent: string;
  /** Per request, headers and body together. */
  timeoutMs: number;
  /** Largest body read; a larger one is refused (on Content-Length) or cut off while read. */
  maxBytes: number;
  /** Tries after the first, for 5xx answers, network errors and timeouts; never for 4xx. */
  retries: number;
  /** Wait before the first retry; each later retry waits twice as long. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
  /** Requests per second to one host (Infinity: no limit). */
  ratePerHost: number;
  /** Obey robots.txt (fetched once per host and kept for `robotsTtlMs`). */
  robots: boolean;
  robotsTtlMs: number;
  /** Longest Crawl-delay obeyed, so that one odd robots.txt cannot stall a round. */
  maxCrawlDelayMs: number;
  maxRedirects: number;
}

/** The product token robots.txt groups are matched against. */
export const ROBOT_NAME = 'dragoman';

/**
 * The User-Agent header: the name and version, what it is, and how to reach whoever runs it.
 * @example userAgent('ops@example.org') // 'dragoman/0.1.0 (news event coder; +ops@example.org)'
 */
export function userAgent(contact?: string): string {
  return `${ROBOT_NAME}/${VERSION} (news event coder${contact ? `; +${contact}` : ''})`;
}

export const DEFAULT_HTTP: HttpOptions = {
  userAgent: userAgent(),
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  retries: 3,
  retryDelayMs: 1000,
  maxRetryDelayMs: 30_000,
  ratePerHost: 1,
  robots: true,
  robotsTtlMs: 60 * 60 * 1000,
  maxCrawlDelayMs: 60_000,
  maxRedirects: 5,
};
