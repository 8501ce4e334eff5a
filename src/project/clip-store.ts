import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { clipEntrySchema, emptyManifest, MANIFEST_PATH, manifestSchema, type ClipEntry, type Manifest } from '../spec/manifest';

/** What the completion marker of a clip records. */
export interface ClipMarker {
  videoId?: string;
  bytes?: number;
  durationSec?: number;
  /** Which job kind made it (avatar-clip, ...). */
  kind?: string;
  /** The manifest entry, so a lost or damaged manifest is rebuilt from the markers without generating anything. */
  entry?: ClipEntry;
}

/** The manifest cannot be read: names the file and the fix (the prebuild rebuilds it from the markers). */
export class ManifestDamagedError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file} is damaged (${reason}); run \`npm run prebuild\`: it keeps the damaged file as ${path.basename(file)}.damaged and rebuilds the manifest from public/clips/*.done, generating nothing again.`);
    this.name = 'ManifestDamagedError';
  }
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

  /** The manifest; a lost one is rebuilt (in memory) from the completion markers; a damaged one throws ManifestDamagedError. */
  async readManifest(): Promise<Manifest> {
    if (!existsSync(this.manifestFile)) return this.manifestFromMarkers();
    const shown = path.relative(process.cwd(), this.manifestFile);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(this.manifestFile, 'utf8'));
    } catch (err) {
      throw new ManifestDamagedError(shown, `not JSON: ${(err as Error).message}`);
    }
    const parsed = manifestSchema.safeParse(json);
    if (!parsed.success) throw new ManifestDamagedError(shown, `at ${parsed.error.issues[0]?.path.join('.') || '$'}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  /** Every whole clip whose marker records its entry: what the manifest said, rebuilt without asking HeyGen for anything. */
  async manifestFromMarkers(): Promise<Manifest> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const manifest = emptyManifest();
    for (const name of names.filter((n) => n.endsWith('.done'))) {
      const key = name.slice(0, -'.done'.length);
      const entry = clipEntrySchema.safeParse(this.readMarker(key)?.entry);
      if (!entry.success) continue;
      const candidate = { ...manifest, clips: { [key]: entry.data } };
      if (this.inspect(candidate, key).state === 'ok') manifest.clips[key] = entry.data;
    }
    return manifest;
  }

  /** Keeps a damaged manifest aside (manifest.json.damaged) and writes the one the markers give; call under the prebuild lock. */
  async recoverManifest(): Promise<Manifest> {
    if (existsSync(this.manifestFile)) await rename(this.manifestFile, `${this.manifestFile}.damaged`);
    const manifest = await this.manifestFromMarkers();
    await this.writeManifest(manifest);
    return manifest;
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
