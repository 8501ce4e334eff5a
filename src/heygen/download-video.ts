import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Transport } from './transport';
import type { VideoPolling } from './video-polling';
import { APIConnectionError, DownloadError } from './errors';
import { downloadToFile } from './download-to-file';
import { fetchVideoStatus } from './wait-for-video';
import { retryDelay } from './retry-delay';
import { sleep } from './sleep';

export interface DownloadVideoOptions {
  onProgress?: (bytes: number, total?: number) => void;
  signal?: AbortSignal;
  /** a URL already in hand (from waitForVideo or a webhook); fetched afresh if it has expired */
  url?: string;
  /** which file of the video: the clip itself or its subtitle sidecar */
  file?: 'video' | 'subtitles';
}

/**
 * Downloads a completed video's file. An expired signed URL (403/404 from the file host) gets exactly one fresh
 * GET of the video for a new URL; a cut or failed transfer is retried with backoff.
 */
export async function downloadVideo(transport: Transport, polling: VideoPolling, videoId: string, destFile: string, opts: DownloadVideoOptions = {}): Promise<{ file: string; bytes: number }> {
  const which = opts.file ?? 'video';
  const freshUrl = async (): Promise<string> => {
    const { status, data } = await fetchVideoStatus(transport, polling, videoId, opts.signal);
    if (!polling.completed.includes(status)) throw new DownloadError(`Video ${videoId} is ${status}, not completed: wait for it before downloading`, { code: 'not_completed' });
    const url = which === 'video' ? polling.videoUrl(data) : polling.subtitleUrl(data);
    if (!url) throw new DownloadError(`Video ${videoId} has no ${which === 'video' ? 'video' : 'subtitle'} URL`, { code: 'no_url' });
    return url;
  };
  await mkdir(path.dirname(path.resolve(destFile)), { recursive: true });
  const config = transport.config;
  let url = opts.url ?? (await freshUrl());
  let refreshed = false;
  for (let transient = 0; ; ) {
    try {
      return await downloadToFile(url, destFile, {
        dispatcher: transport.dispatcher,
        timeoutMs: config.timeouts.downloadMs,
        userAgent: config.userAgent,
        onProgress: opts.onProgress,
        signal: opts.signal,
      });
    } catch (error) {
      const status = error instanceof DownloadError ? error.status : undefined;
      if ((status === 403 || status === 404) && !refreshed) {
        config.log?.(`download URL of ${videoId} refused with ${status}; fetching a fresh one`);
        refreshed = true;
        url = await freshUrl();
        continue;
      }
      const passing = error instanceof APIConnectionError || (error instanceof DownloadError && (error.code === 'truncated' || (status ?? 0) >= 500));
      if (!passing || transient >= config.maxRetries) throw error;
      const wait = retryDelay(transient++, { maxRetries: config.maxRetries, baseDelayMs: config.retryBaseDelayMs, maxDelayMs: config.retryMaxDelayMs });
      config.log?.(`download of ${videoId} failed (${(error as Error).message}); retrying in ${wait} ms`);
      await sleep(wait, opts.signal);
    }
  }
}
