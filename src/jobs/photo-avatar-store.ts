import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { atomicJsonWriter } from './atomic-json-writer';

export interface StoredPhotoAvatar {
  /** The look id every clip of this photo sends as `avatar_id`. */
  lookId: string;
  groupId?: string;
  /** The photo (path under public/) it was first made from; later specs may name the same bytes under another path. */
  photo: string;
  createdAt: string;
}

/**
 * Persistent photo avatars made so far (.heygen/photo-avatars.json), keyed by account scope and the photo's sha256:
 * the same picture is made an avatar once per account, whatever spec or path names it.
 */
export class PhotoAvatarStore {
  private entries: Record<string, StoredPhotoAvatar> | null = null;
  private readonly write: (data: unknown) => Promise<void>;

  constructor(
    private readonly file: string,
    private readonly scope: string,
    /** path under public/ -> sha256 of the files this run uses */
    private readonly hashes: Record<string, string> = {},
  ) {
    this.write = atomicJsonWriter(file);
  }

  private async load(): Promise<Record<string, StoredPhotoAvatar>> {
    if (!this.entries) {
      try {
        this.entries = existsSync(this.file) ? (JSON.parse(await readFile(this.file, 'utf8')) as Record<string, StoredPhotoAvatar>) : {};
      } catch {
        throw new Error(`${this.file} is damaged; move it aside and re-run (the photo avatars it named are then looked up in the journal or made again)`);
      }
    }
    return this.entries;
  }

  async get(photoHash: string): Promise<StoredPhotoAvatar | undefined> {
    return (await this.load())[`${this.scope}|${photoHash}`];
  }

  /** The look id made from the photo now at `rel` (by its bytes), if one was made in this account. */
  async lookFor(rel: string): Promise<string | undefined> {
    const hash = this.hashes[rel];
    return hash ? (await this.get(hash))?.lookId : undefined;
  }

  async put(photoHash: string, entry: StoredPhotoAvatar): Promise<void> {
    const entries = await this.load();
    entries[`${this.scope}|${photoHash}`] = entry;
    return this.write(entries);
  }
}
