import { bundle } from '@remotion/bundler';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { onExitSync } from '../lib/exit-cleanup';
import path from 'node:path';
import { withoutSecretsInEnv } from '../lib/secrets';
import { ownedTempDir } from './owned-temp-dir';

export interface ProjectBundle {
  serveUrl: string;
  /** Deletes the bundle folder (~28 MB each); call it when every render from this bundle is done. */
  dispose(): Promise<void>;
}

/**
 * Bundles remotion/ once; the public folder is symlinked, not copied, so clips cost nothing to bundle. The bundle
 * goes to a temp folder named after this process, so a run killed before dispose() is swept by the next one.
 */
export async function bundleProject(opts: { root?: string; publicDir?: string; onProgress?: (percent: number) => void } = {}): Promise<ProjectBundle> {
  const root = opts.root ?? process.cwd();
  const dir = ownedTempDir('bundle');
  // Removed also when the process is interrupted before dispose().
  const forget = onExitSync(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const serveUrl = await withoutSecretsInEnv(() => bundle({
      entryPoint: path.join(root, 'remotion', 'index.ts'),
      rootDir: root,
      publicDir: opts.publicDir ?? path.join(root, 'public'),
      outDir: path.join(dir, 'site'),
      symlinkPublicDir: true,
      enableCaching: true,
      onProgress: opts.onProgress,
    }));
    return {
      serveUrl,
      dispose: async () => {
        await rm(dir, { recursive: true, force: true });
        forget();
      },
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
