/** A mistake in how the command was called: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { ok: 0, failure: 1, usage: 2, skipped: 3 } as const;

/** Checks a YYYY-MM-DD flag value. */
export function parseDay(value: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new UsageError(`${flag} expects a date as YYYY-MM-DD, got "${value}"`);
  return value;
}
