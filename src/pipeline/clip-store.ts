import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptyManifest, MANIFEST_PATH, manifestSchema, type Manifest } from '../spec/manifest';

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

  /** An entry counts only while its file is still on disk. */
  has(manifest: Manifest, key: string): boolean {
    const entry = manifest.clips[key];
    return !!entry && existsSync(path.join(this.publicDir, entry.file));
  }
}
