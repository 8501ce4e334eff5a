import { z } from 'zod';
import type { Transport } from '../transport';
import { parseData } from '../parse-data';
import { collect, paginate } from '../paginate';
import { idempotencyKeyFor, normalizeIdempotencyKey } from '../idempotency-key';
import {
  createVideoResponseSchema,
  deleteVideoResponseSchema,
  videoDetailSchema,
  type CreateVideoResponse,
  type CreateVideoV3Body,
  type VideoDetail,
} from '../schemas/video';

export interface VideosResource {
  /** `POST /v3/videos`; retried only with one Idempotency-Key (given, or derived from the body) */
  create(body: CreateVideoV3Body, opts?: { idempotencyKey?: string; signal?: AbortSignal }): Promise<CreateVideoResponse>;
  get(videoId: string, opts?: { signal?: AbortSignal }): Promise<VideoDetail>;
  list(query?: { limit?: number; folder_id?: string; title?: string }): AsyncGenerator<VideoDetail>;
  delete(videoId: string): Promise<{ id: string; deleted?: boolean }>;
  /** `GET /v3/videos/statuses`: up to 100 videos in one request (not_found for unknown ids) */
  statuses(videoIds: string[], opts?: { signal?: AbortSignal }): Promise<VideoStatusEntry[]>;
}

export const videoStatusEntrySchema = z.looseObject({
  video_id: z.string().nullish(),
  status: z.string(),
  error: z.looseObject({ code: z.unknown().optional(), message: z.string().nullish() }).nullish(),
});
export type VideoStatusEntry = z.infer<typeof videoStatusEntrySchema>;

export function createVideosResource(transport: Transport): VideosResource {
  return {
    async create(body, opts = {}) {
      const idempotencyKey = normalizeIdempotencyKey(opts.idempotencyKey ?? idempotencyKeyFor('POST /v3/videos', body));
      const res = await transport.request({ method: 'POST', path: '/v3/videos', json: body, kind: 'create', idempotencyKey, signal: opts.signal });
      return parseData(createVideoResponseSchema, res, 'POST /v3/videos');
    },
    async get(videoId, opts = {}) {
      const res = await transport.request({ method: 'GET', path: `/v3/videos/${encodeURIComponent(videoId)}`, kind: 'read', signal: opts.signal });
      return parseData(videoDetailSchema, res, 'GET /v3/videos/{id}');
    },
    list(query = {}) {
      return paginate(transport, '/v3/videos', query, videoDetailSchema);
    },
    async statuses(videoIds, opts = {}) {
      if (videoIds.length > 100) throw new RangeError('GET /v3/videos/statuses takes at most 100 video ids');
      // HeyGen's answer carries has_more/next_token like every list: read every page
      return collect(paginate(transport, '/v3/videos/statuses', { video_ids: videoIds.join(',') }, videoStatusEntrySchema, opts.signal));
    },
    async delete(videoId) {
      const res = await transport.request({ method: 'DELETE', path: `/v3/videos/${encodeURIComponent(videoId)}`, kind: 'write' });
      return parseData(deleteVideoResponseSchema, res, 'DELETE /v3/videos/{id}');
    },
  };
}
