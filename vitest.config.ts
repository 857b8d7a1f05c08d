import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'e2e/**/*.test.ts',
      'deploy/**/*.test.ts',
    ],
    globalSetup: ['packages/core/src/testing/global-setup.ts'],
    // Integration tests hash passwords and talk to real servers; 2 cores make some steps slow.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
