import robotsModule from 'robots-parser';
import { readLimited, TOO_LARGE } from './body.js';
import type { HostGates } from './hosts.js';
import { ROBOT_NAME, type HttpOptions } from './options.js';
import type { FailReason } from './outcome.js';

// robots-parser is CommonJS whose types declare an ES default: the module itself is the function.
const robotsParser = robotsModule as unknown as typeof robotsModule.default;
type Robot = ReturnType<typeof robotsParser>;

/** What a host's robots.txt says, and until when that is trusted. */
interface Rules {
  robot: Robot | 'allow-all';
  expires: number;
}

/** Files this large are cut, as Google does at 500 KiB: rules beyond are not read. */
const MAX_ROBOTS_BYTES = 500 * 1024;

/** A robots.txt verdict: allowed, disallowed, or unknown because robots.txt did not answer. */
export type RobotsVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'robots'; message: string; status: null }
  | { allowed: false; reason: FailReason; message: string; status: number | null };

/** robots.txt gave no answer: the host is kept off until it does (RFC 9309), never cached. */
class Unreachable extends Error {
  constructor(
    readonly reason: FailReason,
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/**
 * robots.txt per origin, fetched once and kept: 4xx means no rules (RFC 9309); a server error
 * or no answer means keep off the host, and ask again on the next try.
 * @example await new RobotsCache(options, gates).check('https://example.org/a') // { allowed: true }
 */
export class RobotsCache {
  private readonly rules = new Map<string, Promise<Rules>>();

  constructor(
    private readonly options: HttpOptions,
    private readonly gates: HostGates,
  ) {}

  async check(url: string): Promise<RobotsVerdict> {
    const origin = new URL(url).origin;
    let pending = this.rules.get(origin);
    const cached = pending && (await pending.catch(() => null));
    if (cached && cached.expires < Date.now()) pending = undefined;
    if (!pending) {
      pending = this.load(origin);
      this.rules.set(origin, pending);
    }
    let rules: Rules;
    try {
      rules = await pending;
    } catch (err) {
      if (this.rules.get(origin) === pending) this.rules.delete(origin);
      const u = err as Unreachable;
      return {
        allowed: false,
        reason: u.reason,
        message: `robots.txt: ${u.message}`,
        status: u.status,
      };
    }
    if (rules.robot === 'allow-all' || rules.robot.isAllowed(url, ROBOT_NAME) !== false)
      return { allowed: true };
    return { allowed: false, reason: 'robots', message: 'disallowed by robots.txt', status: null };
  }

  private async load(origin: string): Promise<Rules> {
    const robotsUrl = `${origin}/robots.txt`;
    const expires = Date.now() + this.options.robotsTtlMs;
    let res: Response;
    try {
      res = await this.gates.run(robotsUrl, () =>
        fetch(robotsUrl, {
          headers: { 'user-agent': this.options.userAgent },
          signal: AbortSignal.timeout(this.options.timeoutMs),
        }),
      );
    } catch (err) {
      const e = err as Error;
      if (e.name === 'TimeoutError')
        throw new Unreachable(
          'timeout',
          `timed out after ${this.options.timeoutMs / 1000} s`,
          null,
        );
      throw new Unreachable('network', networkMessage(e), null);
    }
    if (res.status >= 400 && res.status < 500) {
      await res.body?.cancel();
      return { robot: 'allow-all', expires };
    }
    if (res.status >= 500 || res.status < 200) {
      await res.body?.cancel();
      throw new Unreachable('http', `HTTP ${res.status}`, res.status);
    }
    let body: Uint8Array | typeof TOO_LARGE;
    try {
      body = await readLimited(res.body, MAX_ROBOTS_BYTES + 1);
    } catch (err) {
      throw new Unreachable('network', networkMessage(err as Error), null);
    }
    const bytes = body === TOO_LARGE ? new Uint8Array(0) : body.subarray(0, MAX_ROBOTS_BYTES);
    const robot = robotsParser(robotsUrl, new TextDecoder().decode(bytes));
    const delay = robot.getCrawlDelay(ROBOT_NAME);
    if (delay) this.gates.slowDown(robotsUrl, Math.min(delay * 1000, this.options.maxCrawlDelayMs));
    return { robot, expires };
  }
}

/** A network error in a few words: the system code when there is one. */
export function networkMessage(err: Error): string {
  const cause = err.cause as { code?: string; message?: string } | undefined;
  if (cause?.code) return `network error: ${cause.code}`;
  return `network error: ${cause?.message ?? err.message}`;
}
