import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleProject } from '../../src/render/bundle-project';
import { PROJECT_ROOT } from './project';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the one Remotion bundle made for this run; mount it on a public folder with mountBundle(). */
    bundleDir: string;
    /** A fake API key that was in the environment while bundling; no file of the bundle may contain it. */
    bundleSecret: string;
  }
}

const BUNDLE_SECRET = 'sk-bundle-secret-5e2a9c';

/** Bundles remotion/ once for every render test of the run (~5 s cold each time otherwise), and deletes it at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const saved = process.env.HEYGEN_API_KEY;
  process.env.HEYGEN_API_KEY = BUNDLE_SECRET;
  const bundle = await bundleProject({ root: PROJECT_ROOT, publicDir: await emptyPublicDir() }).finally(() => {
    if (saved === undefined) delete process.env.HEYGEN_API_KEY;
    else process.env.HEYGEN_API_KEY = saved;
  });
  project.provide('bundleSecret', BUNDLE_SECRET);
  // bundle() answers with the folder it wrote (its serveUrl is a local path)
  project.provide('bundleDir', bundle.serveUrl);
  return () => bundle.dispose();
}

async function emptyPublicDir(): Promise<string> {
  const dir = path.join(PROJECT_ROOT, 'test', '.tmp', 'bundle-public');
  await mkdir(dir, { recursive: true });
  return dir;
}
