import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Removes the chdb data directories of the ClickHouse tests when the run ends.
    globalSetup: ['test/support/chdb-global-setup.ts'],
  },
})
