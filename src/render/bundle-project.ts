import { bundle } from '@remotion/bundler';
import { rm } from 'node:fs/promises';
import path from 'node:path';

export interface ProjectBundle {
  serveUrl: string;
  /** Deletes the bundle folder (~28 MB each); call it when every render from this bundle is done. */
  dispose(): Promise<void>;
}

/** Bundles remotion/ once; the public folder is symlinked, not copied, so clips cost nothing to bundle. */
export async function bundleProject(opts: { root?: string; publicDir?: string; onProgress?: (percent: number) => void } = {}): Promise<ProjectBundle> {
  const root = opts.root ?? process.cwd();
  const serveUrl = await bundle({
    entryPoint: path.join(root, 'remotion', 'index.ts'),
    rootDir: root,
    publicDir: opts.publicDir ?? path.join(root, 'public'),
    symlinkPublicDir: true,
    enableCaching: true,
    onProgress: opts.onProgress,
  });
  return { serveUrl, dispose: () => rm(serveUrl, { recursive: true, force: true }) };
}
