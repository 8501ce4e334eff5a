import type { Transport } from '../transport';
import { parseData } from '../parse-data';
import { paginate } from '../paginate';
import { idempotencyKeyFor, normalizeIdempotencyKey } from '../idempotency-key';
import { lipsyncCreatedSchema, lipsyncSchema, type CreateLipsyncBody, type Lipsync } from '../schemas/lipsync';
import { pollUntil, type PollOptions } from '../poll-until';
import { downloadFresh } from '../download-fresh';
import { DownloadError } from '../errors';

export interface LipsyncsResource {
  create(body: CreateLipsyncBody, opts?: { idempotencyKey?: string; signal?: AbortSignal }): Promise<{ lipsync_id: string }>;
  get(lipsyncId: string, opts?: { signal?: AbortSignal }): Promise<Lipsync>;
  list(query?: { limit?: number }): AsyncGenerator<Lipsync>;
  wait(lipsyncId: string, opts?: PollOptions): Promise<Lipsync>;
  /** the video (and, when asked for and made, its captions) of a completed lipsync */
  download(lipsyncId: string, destFile: string, opts?: { captionsFile?: string; signal?: AbortSignal }): Promise<{ file: string; bytes: number; captionsFile?: string }>;
}

export function createLipsyncsResource(transport: Transport): LipsyncsResource {
  const get = async (id: string, opts: { signal?: AbortSignal } = {}): Promise<Lipsync> => {
    const res = await transport.request({ method: 'GET', path: `/v3/lipsyncs/${encodeURIComponent(id)}`, kind: 'read', signal: opts.signal });
    return parseData(lipsyncSchema, res, 'GET /v3/lipsyncs/{id}');
  };
  const url = (id: string, field: 'video_url' | 'caption_url') => async (): Promise<string> => {
    const l = await get(id);
    const u = l[field];
    if (l.status !== 'completed' || !u) throw new DownloadError(`Lipsync ${id} is ${l.status} and has no ${field}`, { code: 'no_url' });
    return u;
  };
  return {
    async create(body, opts = {}) {
      const idempotencyKey = normalizeIdempotencyKey(opts.idempotencyKey ?? idempotencyKeyFor('POST /v3/lipsyncs', body));
      const res = await transport.request({ method: 'POST', path: '/v3/lipsyncs', json: body, kind: 'create', idempotencyKey, signal: opts.signal });
      return parseData(lipsyncCreatedSchema, res, 'POST /v3/lipsyncs');
    },
    get,
    list: (query = {}) => paginate(transport, '/v3/lipsyncs', query, lipsyncSchema),
    wait: (id, opts = {}) =>
      pollUntil(transport, { kind: 'Lipsync', id, read: (signal) => get(id, { signal }), status: (l) => l.status, done: (l) => l.status === 'completed', failed: (l) => (l.status === 'failed' ? { code: 'lipsync_failed', message: l.failure_message ?? undefined } : undefined) }, opts),
    async download(id, destFile, opts = {}) {
      const video = await downloadFresh(transport, url(id, 'video_url'), destFile, { signal: opts.signal });
      if (!opts.captionsFile) return video;
      await downloadFresh(transport, url(id, 'caption_url'), opts.captionsFile, { signal: opts.signal });
      return { ...video, captionsFile: opts.captionsFile };
    },
  };
}
