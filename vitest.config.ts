import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    // Chromium for the browser tests and a current web build, installed by the project's scripts.
    globalSetup: ['./test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
