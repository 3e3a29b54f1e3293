import { describe, expect, it } from 'vitest';
import { seedChecks } from './seed-checks.js';

// The seeds live outside the project (../shared); without them there is nothing to check.
const checks = seedChecks();

describe.skipIf(checks === null)('the seed documents', () => {
  it.each(checks ?? [])('$name', (c) => {
    expect(c.ok, c.detail).toBe(true);
  });
});
