import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@xj/contracts': fileURLToPath(new URL('../contracts/src/index.ts', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    pool: 'forks',
    // vitest's default on 2 cores is a single worker; on PGlite the worker is the database too,
    // so a second one uses the idle core (and on PostgreSQL overlaps one file's waits with another's).
    maxWorkers: 2,
    // Test files share a worker's module cache instead of importing the whole app afresh for
    // each file (about 2 s per file). Each file still gets its own database and app instance
    // (test/harness.ts), and no test mocks modules.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
