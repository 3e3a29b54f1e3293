import pThrottle from 'p-throttle';

type Gate = (task: () => Promise<unknown>) => Promise<unknown>;

function gate(intervalMs: number): Gate {
  if (!(intervalMs > 0) || !Number.isFinite(intervalMs)) return (task) => task();
  return pThrottle({ limit: 1, interval: intervalMs, strict: true })(
    (task: () => Promise<unknown>) => task(),
  );
}

/**
 * Spaces the requests to each host: one p-throttle per host (limit 1 per interval, strict),
 * so that hosts never wait for each other. A host's robots.txt may ask for a longer delay.
 * p-throttle is small and kept; bottleneck has per-key groups but no release since 2019.
 * @example await new HostGates(1).run('https://example.org/a', () => fetch(...))
 */
export class HostGates {
  private readonly gates = new Map<string, Gate>();
  private readonly intervalMs: number;

  constructor(ratePerSecond: number) {
    this.intervalMs = ratePerSecond === Infinity ? 0 : 1000 / ratePerSecond;
  }

  run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = new URL(url).host;
    let g = this.gates.get(host);
    if (!g) {
      g = gate(this.intervalMs);
      this.gates.set(host, g);
    }
    return g(task) as Promise<T>;
  }

  /** Makes a host's gap at least `delayMs` (robots.txt Crawl-delay), from its last request on. */
  slowDown(url: string, delayMs: number): void {
    if (delayMs <= this.intervalMs) return;
    const g = gate(delayMs);
    // The new gate's first slot is taken now: the request just made counts as its first.
    void g(() => Promise.resolve());
    this.gates.set(new URL(url).host, g);
  }
}
