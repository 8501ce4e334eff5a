import { request, type Dispatcher } from 'undici';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { APIConnectionError, APITimeoutError, DownloadError } from './errors';

export interface DownloadToFileOptions {
  dispatcher: Dispatcher;
  timeoutMs: number;
  userAgent: string;
  onProgress?: (bytes: number, total?: number) => void;
  signal?: AbortSignal;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}

/**
 * Streams a signed file URL to `<dest>.part-*` and renames it into place only when the byte count matches the
 * announced length, so a cut download never looks complete. No credential header is ever sent to the file host.
 */
export async function downloadToFile(url: string, destFile: string, opts: DownloadToFileOptions): Promise<{ file: string; bytes: number }> {
  const tmp = path.join(path.dirname(destFile), `.${path.basename(destFile)}.part-${randomBytes(4).toString('hex')}`);
  const timer = new AbortController();
  const handle = setTimeout(() => timer.abort(), opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timer.signal]) : timer.signal;
  let bytes = 0;
  let out: WriteStream | undefined;
  try {
    const res = await request(url, { method: 'GET', dispatcher: opts.dispatcher, headers: { 'user-agent': opts.userAgent }, signal });
    if (res.statusCode < 200 || res.statusCode >= 300) {
      await res.body.dump();
      throw new DownloadError(`The file host ${hostOf(url)} answered ${res.statusCode}${res.statusCode === 403 || res.statusCode === 404 ? ' (the signed URL has probably expired)' : ''}`, { status: res.statusCode });
    }
    const lengthHeader = res.headers['content-length'];
    const total = typeof lengthHeader === 'string' && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : undefined;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        opts.onProgress?.(bytes, total);
        done(null, chunk);
      },
    });
    out = createWriteStream(tmp);
    await pipeline(res.body, counter, out);
    if (total !== undefined && bytes !== total) throw new DownloadError(`Download from ${hostOf(url)} ended at ${bytes} of ${total} bytes`, { code: 'truncated' });
    if (bytes === 0) throw new DownloadError(`Download from ${hostOf(url)} was empty`, { code: 'empty' });
    await rename(tmp, destFile);
    return { file: destFile, bytes };
  } catch (error) {
    // the file opens asynchronously: wait for the stream to close so the removal cannot race its creation
    if (out && !out.closed) await new Promise<void>((resolve) => out?.once('close', () => resolve()));
    await rm(tmp, { force: true });
    if (error instanceof DownloadError) throw error;
    if (opts.signal?.aborted) throw opts.signal.reason ?? error;
    if (timer.signal.aborted) throw new APITimeoutError(`Download from ${hostOf(url)} took longer than ${opts.timeoutMs} ms; raise timeouts.downloadMs`, {}, { cause: error });
    const code = (error as { code?: string }).code;
    throw new APIConnectionError(`Download from ${hostOf(url)} broke off after ${bytes} bytes: ${code ?? (error as Error).message}`, { code }, { cause: error });
  } finally {
    clearTimeout(handle);
  }
}
