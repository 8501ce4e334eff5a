import type { z } from 'zod';
import type { ApiGeneration } from './config';
import type { TransportRequest } from './transport';
import { videoDetailSchema } from './schemas/video';
import { legacyVideoStatusSchema } from './schemas/legacy';

/** One record per generation: where a video's status lives and what its values mean (heygen-cli's poll configs). */
export interface VideoPolling<S extends z.ZodType = z.ZodType> {
  route: string;
  request(videoId: string): TransportRequest;
  schema: S;
  status(data: z.infer<S>): string;
  completed: readonly string[];
  failed: readonly string[];
  videoUrl(data: z.infer<S>): string | undefined;
  subtitleUrl(data: z.infer<S>): string | undefined;
  durationSec(data: z.infer<S>): number | undefined;
  failure(data: z.infer<S>): { code?: string; message?: string };
}

const v3: VideoPolling<typeof videoDetailSchema> = {
  route: 'GET /v3/videos/{id}',
  request: (videoId) => ({ method: 'GET', path: `/v3/videos/${encodeURIComponent(videoId)}`, kind: 'read' }),
  schema: videoDetailSchema,
  status: (d) => d.status,
  completed: ['completed'],
  failed: ['failed', 'error'],
  videoUrl: (d) => d.video_url ?? undefined,
  subtitleUrl: (d) => d.subtitle_url ?? undefined,
  durationSec: (d) => d.duration ?? undefined,
  failure: (d) => ({ code: d.failure_code ?? undefined, message: d.failure_message ?? undefined }),
};

const legacy: VideoPolling<typeof legacyVideoStatusSchema> = {
  route: 'GET /v1/video_status.get',
  request: (videoId) => ({ method: 'GET', path: '/v1/video_status.get', query: { video_id: videoId }, kind: 'read' }),
  schema: legacyVideoStatusSchema,
  status: (d) => d.status,
  completed: ['completed'],
  failed: ['failed', 'error'],
  videoUrl: (d) => d.video_url ?? undefined,
  subtitleUrl: (d) => d.caption_url ?? undefined,
  durationSec: (d) => d.duration ?? undefined,
  failure: (d) => {
    if (typeof d.error === 'string') return { message: d.error };
    if (!d.error) return {};
    const code = d.error.code;
    return { code: code === undefined || code === null ? undefined : String(code), message: d.error.detail ?? d.error.message ?? undefined };
  },
};

export const VIDEO_POLLING: Record<ApiGeneration, VideoPolling> = { v3: v3 as VideoPolling, legacy: legacy as VideoPolling };
