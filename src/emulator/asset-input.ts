import { readFile } from 'node:fs/promises';
import type { EmulatorContext } from './emulator-context';
import { HttpError } from './http-error';
import { sniffMime } from './sniff-mime';

export interface AssetBytes {
  bytes: Buffer;
  mimeType: string;
  /** the stored file, when the input named an uploaded asset */
  file?: string;
}

const bad = (message: string, param: string): HttpError => new HttpError(400, message, { code: 'invalid_parameter', param });

/**
 * Reads one of HeyGen's `AssetInput`s (`{type:"asset_id"|"url"|"base64"}`) to bytes, checking the kind
 * (`image`, `audio`, `video`, or a full MIME type). The emulator reaches no other host: URLs must be its own.
 */
export async function assetInputBytes(ctx: EmulatorContext, input: unknown, kinds: readonly string[], param: string, opts: { base64?: boolean } = {}): Promise<AssetBytes> {
  const o = input as { type?: unknown; asset_id?: unknown; url?: unknown; data?: unknown; media_type?: unknown } | null;
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw bad(`${param} must be an asset input {type, ...}`, param);
  let got: AssetBytes;
  if (o.type === 'asset_id' && typeof o.asset_id === 'string') got = await storedAsset(ctx, o.asset_id, `${param}.asset_id`);
  else if (o.type === 'url' && typeof o.url === 'string') {
    const local = /\/files\/assets\/([^/]+)\//.exec(o.url);
    if (!local?.[1] || !o.url.startsWith(ctx.baseUrl())) throw new HttpError(400, `Failed to download ${o.url}: the emulator reaches no other host`, { code: 'download_failed', param: `${param}.url` });
    got = await storedAsset(ctx, local[1], `${param}.url`);
  } else if (opts.base64 && o.type === 'base64' && typeof o.data === 'string' && typeof o.media_type === 'string') {
    const bytes = Buffer.from(o.data, 'base64');
    got = { bytes, mimeType: sniffMime(bytes) ?? o.media_type };
  } else throw bad(`${param}.type must be ${opts.base64 ? 'url, asset_id or base64' : 'url or asset_id'} with its field`, `${param}.type`);
  if (!kinds.some((k) => got.mimeType === k || got.mimeType.startsWith(`${k}/`))) throw bad(`${param} is ${got.mimeType}; expected ${kinds.join(' or ')}`, param);
  return got;
}

async function storedAsset(ctx: EmulatorContext, assetId: string, param: string): Promise<AssetBytes> {
  const asset = ctx.state.assets.get(assetId);
  if (!asset || asset.status === 'pending_upload') throw new HttpError(404, `Asset ${assetId} not found or not uploaded`, { code: 'asset_not_found', param });
  return { bytes: await readFile(asset.file), mimeType: asset.mimeType, file: asset.file };
}
