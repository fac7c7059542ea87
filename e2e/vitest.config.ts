import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // Two files at a time, each with its own server (on its own port and copy of the seeded
    // database) and browser: most of a browser test is waiting, so two share the 2 cores well.
    maxWorkers: 2,
  },
});
