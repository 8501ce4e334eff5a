import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyManifest, MANIFEST_PATH, manifestSchema, type Manifest } from '../spec/manifest';

/** What the completion marker of a clip records. */
export interface ClipMarker {
  videoId?: string;
  bytes?: number;
  durationSec?: number;
  /** Which job kind made it (avatar-clip, ...). */
  kind?: string;
}

export type StoredClip = { state: 'ok' } | { state: 'missing' } | { state: 'damaged'; reason: string; videoId?: string };

/** The clip store: public/clips/<key>.webm (+ .srt), and manifest.json that maps keys to files. */
export class ClipStore {
  readonly publicDir: string;
  readonly dir: string;
  readonly manifestFile: string;

  constructor(root: string) {
    this.publicDir = path.join(root, 'public');
    this.dir = path.join(this.publicDir, 'clips');
    this.manifestFile = path.join(this.publicDir, MANIFEST_PATH);
  }

  videoPath(key: string): string {
    return path.join(this.dir, `${key}.webm`);
  }

  subtitlesPath(key: string): string {
    return path.join(this.dir, `${key}.srt`);
  }

  /** Written last, after the clip and its subtitles are in place: without it an entry does not count. */
  markerPath(key: string): string {
    return path.join(this.dir, `${key}.done`);
  }

  /** `bytes` and `durationSec` are what a later run checks the file against (a truncated or replaced file is not whole). */
  async markComplete(key: string, info: ClipMarker): Promise<void> {
    const tmp = `${this.markerPath(key)}.tmp`;
    await writeFile(tmp, JSON.stringify(info));
    await rename(tmp, this.markerPath(key));
  }

  /** Removes what a killed run left half-written (downloads, temp files); call only under the prebuild lock. */
  async removePartials(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const partial = names.filter((n) => /\.part-[0-9a-f]+$/.test(n) || n.endsWith('.tmp'));
    await Promise.all(partial.map((n) => rm(path.join(this.dir, n), { force: true })));
    return partial;
  }

  /** Public-relative path for staticFile(). */
  relative(file: string): string {
    return path.relative(this.publicDir, file).split(path.sep).join('/');
  }

  async readManifest(): Promise<Manifest> {
    if (!existsSync(this.manifestFile)) return emptyManifest();
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(this.manifestFile, 'utf8')));
    if (!parsed.success) {
      throw new Error(`${path.relative(process.cwd(), this.manifestFile)} is not a valid manifest (${parsed.error.issues[0]?.message}); delete it and run the prebuild again (clips already downloaded are kept).`);
    }
    return parsed.data;
  }

  /** Atomic: a reader never sees half a manifest, a crash never leaves one. */
  async writeManifest(manifest: Manifest): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.manifestFile}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(tmp, this.manifestFile);
  }

  /** An entry counts only while its file and completion marker are on disk and the file is as long as when it was finished. */
  has(manifest: Manifest, key: string): boolean {
    return this.inspect(manifest, key).state === 'ok';
  }

  /** Whether a stored clip is whole: 'damaged' names what changed and keeps the video id, so it can be fetched again for free. */
  inspect(manifest: Manifest, key: string): StoredClip {
    const entry = manifest.clips[key];
    if (!entry) return { state: 'missing' };
    const file = path.join(this.publicDir, entry.file);
    const marker = this.readMarker(key);
    if (!marker) return existsSync(file) ? { state: 'damaged', reason: 'its completion marker is missing', videoId: entry.videoId } : { state: 'missing' };
    if (!existsSync(file)) return { state: 'damaged', reason: `${entry.file} is missing`, videoId: marker.videoId ?? entry.videoId };
    const expected = marker.bytes ?? entry.sizeBytes;
    const size = statSync(file).size;
    if (size !== expected) return { state: 'damaged', reason: `${entry.file} is ${size} bytes, it was ${expected} when finished`, videoId: marker.videoId ?? entry.videoId };
    if (marker.durationSec !== undefined && Math.abs(marker.durationSec - entry.durationSec) > 0.05) {
      return { state: 'damaged', reason: `the manifest says ${entry.durationSec.toFixed(2)} s, the clip was ${marker.durationSec.toFixed(2)} s`, videoId: marker.videoId ?? entry.videoId };
    }
    return { state: 'ok' };
  }

  readMarker(key: string): ClipMarker | null {
    try {
      return JSON.parse(readFileSync(this.markerPath(key), 'utf8')) as ClipMarker;
    } catch {
      return null;
    }
  }
}
