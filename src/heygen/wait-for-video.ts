import type { Transport } from './transport';
import type { VideoPolling } from './video-polling';
import type { VideoResult } from './video-result';
import { APIConnectionError, InternalServerError, RateLimitError, VideoFailedError, VideoTimeoutError } from './errors';
import { parseData } from './parse-data';
import { nextPollDelay, type PollCadence } from './poll-cadence';
import { sleep } from './sleep';

export interface WaitOptions {
  deadlineMs?: number;
  onStatus?: (s: { status: string; elapsedMs: number }) => void;
  signal?: AbortSignal;
  cadence?: PollCadence;
}

/** Fetches a video's status once and returns the polled record with its generation's reading of it. */
export async function fetchVideoStatus(transport: Transport, polling: VideoPolling, videoId: string, signal?: AbortSignal): Promise<{ status: string; data: unknown }> {
  const res = await transport.request({ ...polling.request(videoId), signal });
  const data = parseData(polling.schema, res, polling.route);
  return { status: polling.status(data), data };
}

/** Turns a completed status record into the generation-neutral result (the same shape a webhook gives). */
export function toVideoResult(polling: VideoPolling, videoId: string, data: unknown): VideoResult {
  const videoUrl = polling.videoUrl(data);
  if (!videoUrl) throw new VideoFailedError(videoId, 'missing_video_url', `${polling.route} reported completed without a video URL`);
  return {
    videoId,
    status: 'completed',
    videoUrl,
    subtitleUrl: polling.subtitleUrl(data),
    durationSec: polling.durationSec(data),
    raw: data,
  };
}

/**
 * Polls until the video completes, fails or the deadline passes. A timeout only stops waiting: it never
 * resubmits, since the render goes on at HeyGen. Passing failures of a single poll are waited out.
 */
export async function waitForVideo(transport: Transport, polling: VideoPolling, videoId: string, opts: WaitOptions = {}): Promise<VideoResult> {
  const cadence = opts.cadence ?? transport.config.pollCadence;
  const deadlineMs = opts.deadlineMs ?? transport.config.waitDeadlineMs;
  const started = Date.now();
  let lastStatus: string | undefined;
  for (let polls = 0; ; polls++) {
    const elapsed = Date.now() - started;
    const wait = Math.min(nextPollDelay(cadence, elapsed, polls), Math.max(0, deadlineMs - elapsed));
    if (polls > 0 && elapsed >= deadlineMs) throw new VideoTimeoutError(videoId, elapsed, lastStatus);
    await sleep(wait, opts.signal);
    let record: { status: string; data: unknown };
    try {
      record = await fetchVideoStatus(transport, polling, videoId, opts.signal);
    } catch (error) {
      const passing = error instanceof APIConnectionError || error instanceof InternalServerError || error instanceof RateLimitError;
      if (!passing) throw error;
      transport.config.log?.(`status of ${videoId} unavailable for now (${(error as Error).name}); polling on`);
      continue;
    }
    lastStatus = record.status;
    opts.onStatus?.({ status: record.status, elapsedMs: Date.now() - started });
    if (polling.completed.includes(record.status)) return toVideoResult(polling, videoId, record.data);
    if (polling.failed.includes(record.status)) {
      const failure = polling.failure(record.data);
      throw new VideoFailedError(videoId, failure.code, failure.message);
    }
  }
}
