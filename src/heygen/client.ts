import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { resolveConfig, type HeyGenConfig, type HeyGenOptions } from './config';
import { createTransport, type Transport } from './transport';
import { createVideosResource, type VideosResource } from './resources/videos';
import { createAssetsResource, type AssetsResource } from './resources/assets';
import { createAvatarsResource, type AvatarsResource } from './resources/avatars';
import { createVoicesResource, type VoicesResource } from './resources/voices';
import { createUsersResource, type UsersResource } from './resources/users';
import { createWebhooksResource, type WebhooksResource } from './resources/webhooks';
import { createLegacyResource, type LegacyResource } from './resources/legacy';
import { createVideoAgentsResource, type VideoAgentsResource } from './resources/video-agents';
import { createTemplatesResource, type TemplatesResource } from './resources/templates';
import { createLipsyncsResource, type LipsyncsResource } from './resources/lipsyncs';
import { createVideoTranslationsResource, type VideoTranslationsResource } from './resources/video-translations';
import { createAvatarClip } from './create-avatar-clip';
import type { AvatarClipRequest } from './avatar-clip-request';
import { VIDEO_POLLING } from './video-polling';
import { waitForVideo, fetchVideoStatus, type WaitOptions } from './wait-for-video';
import { downloadVideo, type DownloadVideoOptions } from './download-video';
import type { VideoResult } from './video-result';
import { balanceFromUser, type Balance } from './account-balance';

export interface HeyGenClient {
  readonly config: HeyGenConfig;
  readonly transport: Transport;
  readonly videos: VideosResource;
  readonly assets: AssetsResource;
  readonly avatars: AvatarsResource;
  readonly voices: VoicesResource;
  readonly users: UsersResource;
  readonly webhooks: WebhooksResource;
  readonly legacy: LegacyResource;
  readonly videoAgents: VideoAgentsResource;
  readonly templates: TemplatesResource;
  readonly lipsyncs: LipsyncsResource;
  readonly videoTranslations: VideoTranslationsResource;
  createAvatarClip(req: AvatarClipRequest, opts: { idempotencyKey?: string; signal?: AbortSignal }): Promise<{ videoId: string }>;
  /** one status read with the configured generation's route */
  videoStatus(videoId: string): Promise<{ status: string; data: unknown }>;
  waitForVideo(videoId: string, opts?: WaitOptions): Promise<VideoResult>;
  downloadVideo(videoId: string, destFile: string, opts?: Omit<DownloadVideoOptions, 'file'>): Promise<{ file: string; bytes: number }>;
  /** the subtitle sidecar (v3 SRT `subtitle_url`; legacy `caption_url`) to destFile when given, and its text */
  downloadSubtitles(videoId: string, destFile?: string, opts?: Omit<DownloadVideoOptions, 'file'>): Promise<{ file?: string; bytes: number; text: string }>;
  /** what the account has left: wallet, subscription credits, usage-based allowance (v3) or the quota (legacy) */
  balance(): Promise<Balance>;
  close(): Promise<void>;
}

/** A HeyGen client for the configured generation (v3 by default); every default comes from the environment. */
export function createHeyGenClient(config: HeyGenOptions = {}): HeyGenClient {
  const resolved = resolveConfig(config);
  const transport = createTransport(resolved);
  const videos = createVideosResource(transport);
  const users = createUsersResource(transport);
  const legacy = createLegacyResource(transport);
  const polling = VIDEO_POLLING[resolved.generation];
  return {
    config: resolved,
    transport,
    videos,
    assets: createAssetsResource(transport, resolved.multipartMaxBytes),
    avatars: createAvatarsResource(transport),
    voices: createVoicesResource(transport),
    users,
    webhooks: createWebhooksResource(transport),
    legacy,
    videoAgents: createVideoAgentsResource(transport),
    templates: createTemplatesResource(transport),
    lipsyncs: createLipsyncsResource(transport),
    videoTranslations: createVideoTranslationsResource(transport),
    createAvatarClip: (req, opts) => createAvatarClip(transport, videos, resolved.generation, req, opts),
    videoStatus: (videoId) => fetchVideoStatus(transport, polling, videoId),
    waitForVideo: (videoId, opts) => waitForVideo(transport, polling, videoId, opts),
    downloadVideo: (videoId, destFile, opts) => downloadVideo(transport, polling, videoId, destFile, { ...opts, file: 'video' }),
    async downloadSubtitles(videoId, destFile, opts) {
      const target = destFile ?? path.join(os.tmpdir(), `heygen-subtitles-${randomUUID()}.srt`);
      try {
        const { bytes } = await downloadVideo(transport, polling, videoId, target, { ...opts, file: 'subtitles' });
        return { file: destFile, bytes, text: await readFile(target, 'utf8') };
      } finally {
        if (!destFile) await rm(target, { force: true });
      }
    },
    async balance() {
      if (resolved.generation === 'legacy') {
        const quota = await legacy.remainingQuota();
        return { billing: 'legacy', amount: quota.credits, unit: 'credits', summary: `${quota.credits} credits of API quota`, source: 'GET /v2/user/remaining_quota', raw: quota };
      }
      return balanceFromUser(await users.me());
    },
    close: () => transport.close(),
  };
}
