import { link, copyFile, readdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';
import { ownedTempDir } from '../../src/render/owned-temp-dir';

export interface MountedBundle {
  serveUrl: string;
  dispose(): Promise<void>;
}

/**
 * The run's one bundle (see bundle-once.global.ts) serving `publicDir` as its public folder: a new folder whose files
 * are hard links to the bundle's and whose public/ is a link to `publicDir`. Remotion's file server refuses a file
 * that is itself a symlink but follows linked folders, hence links for files and symlinks for folders.
 */
export async function mountBundle(publicDir: string): Promise<MountedBundle> {
  const from = inject('bundleDir');
  const dir = ownedTempDir('bundle');
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const to = path.join(dir, entry.name);
    if (entry.name === 'public') continue;
    if (entry.isDirectory()) await symlink(src, to, 'dir');
    else await link(src, to).catch(() => copyFile(src, to));
  }
  await symlink(path.resolve(publicDir), path.join(dir, 'public'), 'dir');
  return { serveUrl: dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}
