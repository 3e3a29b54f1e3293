/** How big a group may grow, and how long it may wait for its next item. */
export interface GroupLimits {
  /** Items in a group at most. */
  items: number;
  /** The items' weights together at most; an item heavier than this makes a group alone. */
  weight: number;
  /** A group that waits this long for its next item is handed out as it is. */
  waitMs: number;
}

const LATE = Symbol('late');

/** `promise`'s value, or LATE once `ms` have passed without it. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(resolve, ms, LATE)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Gathers the items of an async source into groups, in order, reading the next item while the
 * caller works on a group. Written here because stream packages group by count and time but not
 * by weight, and weight (characters of text) is what bounds the memory of a group.
 * @example for await (const group of groupsOf(readInputs(paths), limits, weigh)) code(group)
 */
export async function* groupsOf<T>(
  source: AsyncIterable<T>,
  limits: GroupLimits,
  weigh: (item: T) => number,
): AsyncGenerator<T[]> {
  const items = source[Symbol.asyncIterator]();
  let group: T[] = [];
  let weight = 0;
  const ask = () => {
    const next = items.next();
    // Awaited later; marked handled now, so a failure while the caller works is not "unhandled".
    next.catch(() => undefined);
    return next;
  };
  let pending = ask();
  try {
    for (;;) {
      let next: IteratorResult<T> | typeof LATE;
      try {
        next = group.length ? await within(pending, limits.waitMs) : await pending;
      } catch (err) {
        // What was gathered before the source failed is still handed out.
        if (group.length) yield group;
        throw err;
      }
      if (next === LATE) {
        yield group;
        group = [];
        weight = 0;
        continue;
      }
      if (next.done) break;
      pending = ask();
      const w = weigh(next.value);
      if (group.length >= limits.items || (group.length > 0 && weight + w > limits.weight)) {
        yield group;
        group = [];
        weight = 0;
      }
      group.push(next.value);
      weight += w;
    }
    if (group.length) yield group;
  } finally {
    // A caller that stops early stops the source too (not awaited: a read may be under way).
    items.return?.()?.catch(() => undefined);
  }
}
