import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'rules/**/*.test.ts'],
    environment: 'node',
    // Builds dist/ (once, and only when stale) for the tests that run bin/steward.js.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
  },
});
