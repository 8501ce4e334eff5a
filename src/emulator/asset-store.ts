import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmulatorContext } from './emulator-context';
import type { AssetRecord } from './emulator-state';
import { newId } from './ids';

const EXT: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'audio/wav': 'wav', 'audio/mpeg': 'mp3', 'video/webm': 'webm', 'video/mp4': 'mp4', 'application/pdf': 'pdf', 'application/x-subrip': 'srt' };

export function extensionFor(mime: string): string {
  return EXT[mime] ?? 'bin';
}

/** A new asset record with its file path; `bytes` stores it at once, otherwise it waits for an upload. */
export async function createAsset(ctx: EmulatorContext, init: { filename: string; mimeType: string; bytes?: Buffer; declaredSize?: number; checksum?: string }): Promise<AssetRecord> {
  const id = newId();
  const file = path.join(ctx.dataDir, 'assets', `${id}.${extensionFor(init.mimeType)}`);
  const asset: AssetRecord = {
    id,
    filename: init.filename,
    mimeType: init.mimeType,
    sizeBytes: init.bytes?.length ?? init.declaredSize ?? 0,
    file,
    createdAt: Date.now(),
    status: init.bytes ? 'ready' : 'pending_upload',
    declared: init.bytes ? undefined : { contentType: init.mimeType, sizeBytes: init.declaredSize ?? 0, checksumSha256: init.checksum },
  };
  if (init.bytes) await writeFile(file, init.bytes);
  ctx.state.assets.set(id, asset);
  return asset;
}

/** The public URL of a stored asset (unsigned, like HeyGen's asset links). */
export function assetUrl(ctx: EmulatorContext, asset: AssetRecord): string {
  return `${ctx.baseUrl()}/files/assets/${asset.id}/asset.${extensionFor(asset.mimeType)}`;
}
