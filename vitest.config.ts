import { defineConfig } from 'vitest/config';

// Three projects, chosen by file name so a test's cost is visible where it lives:
//   *.test.ts          unit: no network, no child processes, no browser; the fast loop (npm run test:unit)
//   *.emulator.test.ts the emulator over HTTP, other local servers, child processes (ffmpeg, the CLIs)
//   *.render.test.ts   bundles or renders with Remotion or a browser; the bundle is made once per run
const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
const EMULATOR = ['test/**/*.emulator.test.ts', 'test/**/*.emulator.test.tsx'];
const RENDER = ['test/**/*.render.test.ts', 'test/**/*.render.test.tsx'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Renders and clip synthesis are CPU-bound: two cores, so never more than two files at once.
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: 'test/.tmp/results.json' },
    projects: [
      { extends: true, test: { name: 'unit', include: ALL, exclude: [...EMULATOR, ...RENDER] } },
      { extends: true, test: { name: 'emulator', include: EMULATOR } },
      { extends: true, test: { name: 'render', include: RENDER, globalSetup: ['test/helpers/bundle-once.global.ts'] } },
    ],
  },
});
