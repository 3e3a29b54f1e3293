import pRetry from 'p-retry';
import { decodeBody, mediaTypeOf, readLimited, TOO_LARGE } from './body.js';
import { HostGates } from './hosts.js';
import { DEFAULT_HTTP, type HttpOptions } from './options.js';
import type { FailReason, FetchOutcome } from './outcome.js';
import { networkMessage, RobotsCache } from './robots.js';

/** What one GET asks for beyond the client's defaults. */
export interface GetOptions {
  /** Validators of the copy we have: the server may answer 304 Not Modified. */
  etag?: string | null;
  lastModified?: string | null;
  /** The Accept header. */
  accept?: string;
  /** Whether a media type can be read; another is refused before its body is read. */
  acceptType?: (mediaType: string | null) => boolean;
  /** What the caller reads this as, for the refusal message ("an HTML page"). */
  expected?: string;
}

/** A failed try, with whether another try may help. */
class TryFailed extends Error {
  constructor(
    readonly reason: FailReason,
    message: string,
    readonly status: number | null,
    readonly retry: boolean,
    readonly url: string,
  ) {
    super(message);
    this.name = 'TryFailed';
  }
}

type Success = Exclude<FetchOutcome, { kind: 'failed' }>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function megabytes(n: number): string {
  return `${+(n / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A polite HTTP client: a timeout on every request, a size limit enforced while reading,
 * retries with exponential backoff (5xx, network errors, timeouts; never 4xx), a rate limit per
 * host, robots.txt, a clear User-Agent and conditional requests. Failures are returned as data.
 * @example const r = await new HttpClient({ ratePerHost: 2 }).get('https://example.org/feed.xml')
 */
export class HttpClient {
  readonly options: HttpOptions;
  private readonly gates: HostGates;
  private readonly robots: RobotsCache;

  constructor(options: Partial<HttpOptions> = {}) {
    this.options = { ...DEFAULT_HTTP, ...options };
    this.gates = new HostGates(this.options.ratePerHost);
    this.robots = new RobotsCache(this.options, this.gates);
  }

  async get(url: string, opts: GetOptions = {}): Promise<FetchOutcome> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return this.failed(url, 'bad-url', 'not a valid URL', null, 0);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      return this.failed(url, 'bad-url', `unsupported scheme ${parsed.protocol}`, null, 0);
    let attempts = 0;
    try {
      return await pRetry(
        () => {
          attempts++;
          return this.once(parsed.href, opts);
        },
        {
          retries: this.options.retries,
          factor: 2,
          minTimeout: this.options.retryDelayMs,
          maxTimeout: this.options.maxRetryDelayMs,
          shouldRetry: ({ error }) => error instanceof TryFailed && error.retry,
        },
      ).then((r) => ({ ...r, attempts }));
    } catch (err) {
      // Anything unforeseen is still one failed URL, not the end of the round.
      if (!(err instanceof TryFailed))
        return this.failed(url, 'network', (err as Error).message, null, attempts);
      const tries = attempts > 1 ? ` (${attempts} tries)` : '';
      return this.failed(err.url, err.reason, err.message + tries, err.status, attempts);
    }
  }

  private failed(
    url: string,
    reason: FailReason,
    message: string,
    status: number | null,
    attempts: number,
  ): FetchOutcome {
    return { kind: 'failed', url, reason, status, message, attempts };
  }

  /** One try: robots.txt, the rate limit and redirects, hop by hop. */
  private async once(start: string, opts: GetOptions): Promise<Success> {
    let url = start;
    for (let hop = 0; ; hop++) {
      if (this.options.robots) {
        const verdict = await this.robots.check(url);
        if (!verdict.allowed)
          throw new TryFailed(
            verdict.reason,
            verdict.message,
            verdict.status,
            verdict.reason !== 'robots',
            url,
          );
      }
      const signal = AbortSignal.timeout(this.options.timeoutMs);
      const headers: Record<string, string> = { 'user-agent': this.options.userAgent };
      if (opts.accept) headers.accept = opts.accept;
      // Validators belong to the URL asked for, not to where it redirects.
      if (hop === 0 && opts.etag) headers['if-none-match'] = opts.etag;
      if (hop === 0 && opts.lastModified) headers['if-modified-since'] = opts.lastModified;
      let res: Response;
      try {
        res = await this.gates.run(url, () => fetch(url, { headers, redirect: 'manual', signal }));
      } catch (err) {
        throw this.transportFailure(err, url);
      }
      const location = res.headers.get('location');
      if (REDIRECTS.has(res.status) && location) {
        await res.body?.cancel();
        if (hop >= this.options.maxRedirects)
          throw new TryFailed(
            'redirects',
            `more than ${this.options.maxRedirects} redirects`,
            res.status,
            false,
            url,
          );
        try {
          url = new URL(location, url).href;
        } catch {
          throw new TryFailed('redirects', `bad redirect to "${location}"`, res.status, false, url);
        }
        continue;
      }
      return this.answer(res, url, opts, signal);
    }
  }

  private async answer(
    res: Response,
    url: string,
    opts: GetOptions,
    signal: AbortSignal,
  ): Promise<Success> {
    if (res.status === 304) {
      await res.body?.cancel();
      return { kind: 'not-modified', url, status: 304, attempts: 0 };
    }
    if (res.status < 200 || res.status >= 300) {
      await res.body?.cancel();
      const text = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
      throw new TryFailed('http', text, res.status, res.status >= 500, url);
    }
    const contentType = res.headers.get('content-type');
    const mediaType = mediaTypeOf(contentType);
    if (opts.acceptType && !opts.acceptType(mediaType)) {
      await res.body?.cancel();
      const what = opts.expected ? `not ${opts.expected}` : 'unexpected content';
      throw new TryFailed(
        'wrong-type',
        `${what} (${mediaType ?? 'no Content-Type'}), skipped`,
        res.status,
        false,
        url,
      );
    }
    const max = this.options.maxBytes;
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > max) {
      await res.body?.cancel();
      throw new TryFailed(
        'too-large',
        `larger than ${megabytes(max)} (Content-Length ${megabytes(declared)}), refused`,
        res.status,
        false,
        url,
      );
    }
    let body: Uint8Array | typeof TOO_LARGE;
    try {
      body = await readLimited(res.body, max);
    } catch (err) {
      throw this.transportFailure(err, url, signal);
    }
    if (body === TOO_LARGE)
      throw new TryFailed(
        'too-large',
        `larger than ${megabytes(max)}, stopped reading`,
        res.status,
        false,
        url,
      );
    return {
      kind: 'ok',
      url,
      status: res.status,
      mediaType,
      text: decodeBody(body, contentType),
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
      attempts: 0,
    };
  }

  private transportFailure(err: unknown, url: string, signal?: AbortSignal): TryFailed {
    const e = err as Error;
    if (e.name === 'TimeoutError' || signal?.reason?.name === 'TimeoutError')
      return new TryFailed(
        'timeout',
        `timed out after ${this.options.timeoutMs / 1000} s`,
        null,
        true,
        url,
      );
    return new TryFailed('network', networkMessage(e), null, true, url);
  }
}
