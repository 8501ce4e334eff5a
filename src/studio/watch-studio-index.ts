import { watch, watchFile, unwatchFile, type FSWatcher } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_PATH } from '../spec/manifest';
import { STUDIO_INDEX_PATH, type StudioIndex } from '../spec/studio-index';
import { buildStudioIndex } from './build-studio-index';

export interface StudioIndexWatcher {
  current: () => StudioIndex;
  close: () => void;
}

/**
 * Writes the index where Studio serves it (public/_studio/index.json), only when it changed. In place, not by
 * rename: on Linux, Node 20's recursive fs.watch (Studio's public-folder watcher) watches each file's inode, so a
 * replaced file is never watched again and later edits went unseen. A reader that catches it half-written gets
 * invalid JSON, keeps the index it has (load-studio-index.ts) and reads again on the write's next event.
 */
export async function writeStudioIndex(root: string, index: StudioIndex): Promise<boolean> {
  const file = path.join(root, 'public', STUDIO_INDEX_PATH);
  const text = `${JSON.stringify(index)}\n`;
  if ((await readFile(file, 'utf8').catch(() => null)) === text) return false;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return true;
}

/**
 * Keeps public/_studio/index.json in step with videos/*.json and the clip store's manifest: a saved spec, a new or
 * deleted spec, or a prebuild finishing rebuilds it within a moment, and Studio (watching public/) picks it up.
 */
export async function watchStudioIndex(root: string, log: (line: string) => void): Promise<StudioIndexWatcher> {
  let index = await buildStudioIndex(root);
  await writeStudioIndex(root, index);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const rebuild = () => {
    running = running.then(async () => {
      try {
        index = await buildStudioIndex(root);
        if (await writeStudioIndex(root, index)) log(describe(index));
      } catch (err) {
        log(`could not update the Studio index: ${(err as Error).message}`);
      }
    });
  };
  // Editors save in bursts (write, rename, chmod): one rebuild per burst.
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(rebuild, 120);
  };
  const videosDir = path.join(root, 'videos');
  await mkdir(videosDir, { recursive: true });
  const watchers: FSWatcher[] = [watch(videosDir, soon)];
  // Polled: the manifest may not exist before the first prebuild, and the prebuild replaces it by rename.
  const manifestFile = path.join(root, 'public', MANIFEST_PATH);
  watchFile(manifestFile, { interval: 400 }, soon);
  return {
    current: () => index,
    close: () => {
      if (timer) clearTimeout(timer);
      watchers.forEach((w) => w.close());
      unwatchFile(manifestFile, soon);
    },
  };
}

export function describe(index: StudioIndex): string {
  return index.entries
    .map((e) => (e.kind === 'spec' ? `${e.id} (${e.file}${e.missingClips ? `, ${e.missingClips} clip(s) not built` : ''})` : `${e.id}: ${e.file} has ${e.issues.length} problem(s): ${e.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`))
    .join('\n');
}
