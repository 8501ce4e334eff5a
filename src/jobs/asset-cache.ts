import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { HeyGenClient } from '../heygen';
import { atomicJsonWriter } from './atomic-json-writer';

interface CachedAsset {
  assetId: string;
  url: string;
  uploadedAt: string;
}

/**
 * Uploads each local file once per account and API: keyed by the bytes' sha256, so a renamed file is not sent
 * again and an edited one is. Concurrent callers of the same file share one upload.
 */
export class AssetCache {
  private entries: Record<string, CachedAsset> | null = null;
  private inflight = new Map<string, Promise<CachedAsset>>();

  private readonly write: (data: unknown) => Promise<void>;

  constructor(
    private readonly file: string,
    private readonly scope: string,
    private readonly hashes: Record<string, string>,
  ) {
    this.write = atomicJsonWriter(file);
  }

  private async load(): Promise<Record<string, CachedAsset>> {
    if (!this.entries) this.entries = existsSync(this.file) ? (JSON.parse(await readFile(this.file, 'utf8')) as Record<string, CachedAsset>) : {};
    return this.entries;
  }

  async assetId(client: HeyGenClient, rel: string, abs: string): Promise<CachedAsset> {
    const hash = this.hashes[rel];
    if (!hash) throw new Error(`${rel} was not hashed before upload`);
    const key = `${this.scope}|${hash}`;
    const entries = await this.load();
    if (entries[key]) return entries[key];
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = (async () => {
        // no content-derived Idempotency-Key: HeyGen would replay a deleted asset for 24 h; the client makes one per upload
        const asset = await client.assets.upload({ file: abs });
        const entry = { assetId: asset.assetId, url: asset.url, uploadedAt: new Date().toISOString() };
        entries[key] = entry;
        await this.write(entries);
        return entry;
      })();
      this.inflight.set(key, pending);
    }
    return pending;
  }
}
