import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Renders and clip synthesis are CPU-bound: two cores, so never more than two files at once.
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: 'test/.tmp/results.json' },
  },
});
