import { resolveConfig, type HeyGenConfig } from './config';
import { createTransport, type Transport } from './transport';
import { createVideosResource, type VideosResource } from './resources/videos';
import { createAvatarClip } from './create-avatar-clip';
import type { AvatarClipRequest } from './avatar-clip-request';
import { VIDEO_POLLING } from './video-polling';
import { waitForVideo, type WaitOptions } from './wait-for-video';
import { downloadVideo, type DownloadVideoOptions } from './download-video';
import type { VideoResult } from './video-result';

export interface HeyGenClient {
  readonly config: HeyGenConfig;
  readonly transport: Transport;
  readonly videos: VideosResource;
  createAvatarClip(req: AvatarClipRequest, opts: { idempotencyKey: string; signal?: AbortSignal }): Promise<{ videoId: string }>;
  waitForVideo(videoId: string, opts?: WaitOptions): Promise<VideoResult>;
  downloadVideo(videoId: string, destFile: string, opts?: Omit<DownloadVideoOptions, 'file'>): Promise<{ file: string; bytes: number }>;
  /** the SRT (v3 `subtitle_url`; legacy `caption_url`, an .ass file) to destFile, and its text */
  downloadSubtitles(videoId: string, destFile: string, opts?: Omit<DownloadVideoOptions, 'file'>): Promise<{ file: string; bytes: number }>;
  close(): Promise<void>;
}

/** A HeyGen client for the configured generation (v3 by default); every default comes from the environment. */
export function createHeyGenClient(config: Partial<HeyGenConfig> = {}): HeyGenClient {
  const resolved = resolveConfig(config);
  const transport = createTransport(resolved);
  const videos = createVideosResource(transport);
  const polling = VIDEO_POLLING[resolved.generation];
  return {
    config: resolved,
    transport,
    videos,
    createAvatarClip: (req, opts) => createAvatarClip(transport, videos, resolved.generation, req, opts),
    waitForVideo: (videoId, opts) => waitForVideo(transport, polling, videoId, opts),
    downloadVideo: (videoId, destFile, opts) => downloadVideo(transport, polling, videoId, destFile, { ...opts, file: 'video' }),
    downloadSubtitles: (videoId, destFile, opts) => downloadVideo(transport, polling, videoId, destFile, { ...opts, file: 'subtitles' }),
    close: () => transport.close(),
  };
}
