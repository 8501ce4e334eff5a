import { z } from 'zod';
import type { Transport } from '../transport';
import { parseData } from '../parse-data';
import { legacyVideoIdSchema, legacyVideoStatusSchema, type LegacyVideoStatus } from '../schemas/legacy';
import { legacyAvatarsSchema, legacyVoicesSchema, remainingQuotaSchema } from '../schemas/catalog';
import type { LegacyGenerateBody, LegacyWebmBody } from '../schemas/legacy-generate';
import { idempotencyKeyFor, normalizeIdempotencyKey } from '../idempotency-key';

export interface LegacyResource {
  /** `POST /v1/video.webm`: a transparent clip of a studio avatar */
  createWebm(body: LegacyWebmBody, opts?: { idempotencyKey?: string }): Promise<{ video_id: string }>;
  /** `POST /v2/video/generate`: a multi-scene MP4 */
  generateVideo(body: LegacyGenerateBody, opts?: { idempotencyKey?: string }): Promise<{ video_id: string }>;
  videoStatus(videoId: string): Promise<LegacyVideoStatus>;
  /** `GET /v1/video.list`: every video of the account, newest first, page by page */
  listVideos(): AsyncGenerator<{ video_id: string; status?: string | null; video_title?: string | null }>;
  avatars(): Promise<z.infer<typeof legacyAvatarsSchema>>;
  voices(): Promise<z.infer<typeof legacyVoicesSchema>['voices']>;
  /** quota units ÷ 60 = credits */
  remainingQuota(): Promise<{ remainingQuota: number; credits: number; details: Record<string, unknown> }>;
}

const legacyVideoListSchema = z.looseObject({
  videos: z.array(z.looseObject({ video_id: z.string().min(1), status: z.string().nullish(), video_title: z.string().nullish() })),
  token: z.string().nullish(),
});

export function createLegacyResource(transport: Transport): LegacyResource {
  async function create(path: string, body: object, key: string | undefined): Promise<{ video_id: string }> {
    const idempotencyKey = normalizeIdempotencyKey(key ?? idempotencyKeyFor(`POST ${path}`, body));
    const res = await transport.request({ method: 'POST', path, json: body, kind: 'create', idempotencyKey });
    return parseData(legacyVideoIdSchema, res, `POST ${path}`);
  }
  return {
    createWebm: (body, opts = {}) => create('/v1/video.webm', body, opts.idempotencyKey),
    generateVideo: (body, opts = {}) => create('/v2/video/generate', body, opts.idempotencyKey),
    async videoStatus(videoId) {
      const res = await transport.request({ method: 'GET', path: '/v1/video_status.get', query: { video_id: videoId }, kind: 'read' });
      return parseData(legacyVideoStatusSchema, res, 'GET /v1/video_status.get');
    },
    async *listVideos() {
      let token: string | undefined;
      for (let page = 0; page < 1000; page++) {
        const res = await transport.request({ method: 'GET', path: '/v1/video.list', query: { limit: '100', ...(token ? { token } : {}) }, kind: 'read' });
        const data = parseData(legacyVideoListSchema, res, 'GET /v1/video.list');
        yield* data.videos;
        if (!data.token) return;
        token = data.token;
      }
    },
    async avatars() {
      const res = await transport.request({ method: 'GET', path: '/v2/avatars', kind: 'read' });
      return parseData(legacyAvatarsSchema, res, 'GET /v2/avatars');
    },
    async voices() {
      const res = await transport.request({ method: 'GET', path: '/v2/voices', kind: 'read' });
      return parseData(legacyVoicesSchema, res, 'GET /v2/voices').voices;
    },
    async remainingQuota() {
      const res = await transport.request({ method: 'GET', path: '/v2/user/remaining_quota', kind: 'read' });
      const data = parseData(remainingQuotaSchema, res, 'GET /v2/user/remaining_quota');
      return { remainingQuota: data.remaining_quota, credits: data.remaining_quota / 60, details: data.details ?? {} };
    },
  };
}
