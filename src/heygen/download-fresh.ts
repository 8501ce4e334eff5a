import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Transport } from './transport';
import { DownloadError } from './errors';
import { downloadToFile } from './download-to-file';

/** Downloads a signed file; a 403/404 (expired link) gets exactly one fresh URL from `freshUrl`. */
export async function downloadFresh(transport: Transport, freshUrl: () => Promise<string>, destFile: string, opts: { url?: string; signal?: AbortSignal; onProgress?: (bytes: number, total?: number) => void } = {}): Promise<{ file: string; bytes: number }> {
  await mkdir(path.dirname(path.resolve(destFile)), { recursive: true });
  const config = transport.config;
  const get = (url: string) => downloadToFile(url, destFile, { dispatcher: transport.dispatcher, timeoutMs: config.timeouts.downloadMs, userAgent: config.userAgent, signal: opts.signal, onProgress: opts.onProgress });
  const first = opts.url ?? (await freshUrl());
  try {
    return await get(first);
  } catch (error) {
    if (!(error instanceof DownloadError) || (error.status !== 403 && error.status !== 404)) throw error;
    config.log?.(`download refused with ${error.status}; fetching a fresh URL`);
    return get(await freshUrl());
  }
}
