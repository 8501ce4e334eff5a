import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_PATH, type Manifest } from '../../spec/manifest';
import { referencedFiles, type VideoSpec } from '../../spec/video-spec';

/**
 * A public folder holding only what these renders read through staticFile(): their clips, subtitles, media and
 * a manifest of just those clips. deploySite uploads it with the bundle, so Lambda serves the clips from S3 under
 * the same paths as here, without uploading the whole clip store.
 */
export async function stagePublicDir(opts: { publicDir: string; into: string; specs: VideoSpec[]; manifest: Manifest }): Promise<string[]> {
  const files = new Set<string>();
  for (const spec of opts.specs) for (const ref of referencedFiles(spec)) files.add(ref.path);
  for (const entry of Object.values(opts.manifest.clips)) {
    files.add(entry.file);
    if (entry.subtitles) files.add(entry.subtitles);
    // What the presenter plays when the prebuild prepared a copy (see src/project/prepare-clip.ts).
    if (entry.prepared && existsSync(path.join(opts.publicDir, entry.prepared.file))) files.add(entry.prepared.file);
  }
  for (const rel of files) {
    const to = path.join(opts.into, rel);
    await mkdir(path.dirname(to), { recursive: true });
    // A hard link costs nothing; across file systems, copy.
    await link(path.join(opts.publicDir, rel), to).catch(() => copyFile(path.join(opts.publicDir, rel), to));
  }
  await mkdir(path.dirname(path.join(opts.into, MANIFEST_PATH)), { recursive: true });
  await writeFile(path.join(opts.into, MANIFEST_PATH), JSON.stringify(opts.manifest));
  return [...files, MANIFEST_PATH];
}
