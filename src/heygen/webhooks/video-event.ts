import { VideoFailedError } from '../errors';
import type { VideoResult } from '../video-result';

export type VideoEventOutcome = { videoId: string; result: VideoResult } | { videoId: string; error: VideoFailedError } | undefined;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Reads an avatar_video event into the result polling gives (`url` or `video_url`), or the failure; undefined for other events. */
export function videoEventOutcome(eventType: string, data: Record<string, unknown>): VideoEventOutcome {
  const videoId = str(data.video_id);
  if (!videoId) return undefined;
  if (eventType === 'avatar_video.success') {
    const videoUrl = str(data.url) ?? str(data.video_url);
    if (!videoUrl) return { videoId, error: new VideoFailedError(videoId, 'missing_video_url', 'success event without a video URL') };
    const duration = typeof data.duration === 'number' ? data.duration : undefined;
    return { videoId, result: { videoId, status: 'completed', videoUrl, subtitleUrl: str(data.subtitle_url) ?? str(data.caption_url), durationSec: duration, raw: data } };
  }
  if (eventType === 'avatar_video.fail') {
    return { videoId, error: new VideoFailedError(videoId, str(data.failure_code) ?? str(data.code), str(data.msg) ?? str(data.message) ?? str(data.error)) };
  }
  return undefined;
}
