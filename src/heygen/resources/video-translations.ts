import type { Transport } from '../transport';
import { parseData } from '../parse-data';
import { paginate } from '../paginate';
import { idempotencyKeyFor, normalizeIdempotencyKey } from '../idempotency-key';
import type { UrlOrAsset } from '../schemas/lipsync';
import {
  languagesSchema,
  proofreadGenerateSchema,
  proofreadSchema,
  proofreadSrtSchema,
  proofreadsCreatedSchema,
  translationSchema,
  translationsCreatedSchema,
  type CreateProofreadBody,
  type CreateTranslationBody,
  type Proofread,
  type Translation,
} from '../schemas/video-translation';
import { pollUntil, type PollOptions } from '../poll-until';
import { downloadFresh } from '../download-fresh';
import { DownloadError } from '../errors';

type Opts = { idempotencyKey?: string; signal?: AbortSignal };

export interface VideoTranslationsResource {
  languages(): Promise<string[]>;
  /** one translation id per output language, in the order asked */
  create(body: CreateTranslationBody, opts?: Opts): Promise<string[]>;
  get(id: string, opts?: { signal?: AbortSignal }): Promise<Translation>;
  list(query?: { limit?: number }): AsyncGenerator<Translation>;
  wait(id: string, opts?: PollOptions): Promise<Translation>;
  download(id: string, destFile: string, opts?: { captionsFile?: string; signal?: AbortSignal }): Promise<{ file: string; bytes: number; captionsFile?: string }>;
  proofreads: {
    create(body: CreateProofreadBody, opts?: Opts): Promise<string[]>;
    get(id: string, opts?: { signal?: AbortSignal }): Promise<Proofread>;
    wait(id: string, opts?: PollOptions): Promise<Proofread>;
    /** the translated SRT (for review) to destFile */
    downloadSrt(id: string, destFile: string): Promise<{ file: string; bytes: number }>;
    uploadSrt(id: string, srt: UrlOrAsset): Promise<Proofread>;
    generate(id: string, body?: { captions?: boolean; callback_url?: string; callback_id?: string }, opts?: Opts): Promise<string>;
  };
}

export function createVideoTranslationsResource(transport: Transport): VideoTranslationsResource {
  const post = async (path: string, route: string, json: unknown, opts: Opts) => {
    const idempotencyKey = normalizeIdempotencyKey(opts.idempotencyKey ?? idempotencyKeyFor(`POST ${path}`, json));
    return transport.request({ method: 'POST', path, json, kind: 'create', idempotencyKey, signal: opts.signal });
  };
  const get = async (id: string, opts: { signal?: AbortSignal } = {}): Promise<Translation> =>
    parseData(translationSchema, await transport.request({ method: 'GET', path: `/v3/video-translations/${encodeURIComponent(id)}`, kind: 'read', signal: opts.signal }), 'GET /v3/video-translations/{id}');
  const getProofread = async (id: string, opts: { signal?: AbortSignal } = {}): Promise<Proofread> =>
    parseData(proofreadSchema, await transport.request({ method: 'GET', path: `/v3/video-translations/proofreads/${encodeURIComponent(id)}`, kind: 'read', signal: opts.signal }), 'GET /v3/video-translations/proofreads/{id}');
  const url = (id: string, field: 'video_url' | 'srt_caption_url') => async (): Promise<string> => {
    const t = await get(id);
    const u = t[field];
    if (t.status !== 'completed' || !u) throw new DownloadError(`Video translation ${id} is ${t.status} and has no ${field}`, { code: 'no_url' });
    return u;
  };
  return {
    async languages() {
      const res = await transport.request({ method: 'GET', path: '/v3/video-translations/languages', kind: 'read' });
      return parseData(languagesSchema, res, 'GET /v3/video-translations/languages').languages;
    },
    async create(body, opts = {}) {
      return parseData(translationsCreatedSchema, await post('/v3/video-translations', 'POST /v3/video-translations', body, opts), 'POST /v3/video-translations').video_translation_ids;
    },
    get,
    list: (query = {}) => paginate(transport, '/v3/video-translations', query, translationSchema),
    wait: (id, opts = {}) =>
      pollUntil(transport, { kind: 'Video translation', id, read: (signal) => get(id, { signal }), status: (t) => t.status, done: (t) => t.status === 'completed', failed: (t) => (t.status === 'failed' ? { code: 'translation_failed', message: t.failure_message ?? undefined } : undefined) }, opts),
    async download(id, destFile, opts = {}) {
      const video = await downloadFresh(transport, url(id, 'video_url'), destFile, { signal: opts.signal });
      if (!opts.captionsFile) return video;
      await downloadFresh(transport, url(id, 'srt_caption_url'), opts.captionsFile, { signal: opts.signal });
      return { ...video, captionsFile: opts.captionsFile };
    },
    proofreads: {
      async create(body, opts = {}) {
        return parseData(proofreadsCreatedSchema, await post('/v3/video-translations/proofreads', '', body, opts), 'POST /v3/video-translations/proofreads').proofread_ids;
      },
      get: getProofread,
      wait: (id, opts = {}) =>
        pollUntil(transport, { kind: 'Proofread', id, read: (signal) => getProofread(id, { signal }), status: (p) => p.status, done: (p) => p.status === 'completed', failed: (p) => (p.status === 'failed' ? { code: 'proofread_failed', message: p.failure_message ?? undefined } : undefined) }, opts),
      async downloadSrt(id, destFile) {
        const fresh = async () => parseData(proofreadSrtSchema, await transport.request({ method: 'GET', path: `/v3/video-translations/proofreads/${encodeURIComponent(id)}/srt`, kind: 'read' }), 'GET /v3/video-translations/proofreads/{id}/srt').srt_url;
        return downloadFresh(transport, fresh, destFile);
      },
      async uploadSrt(id, srt) {
        const res = await transport.request({ method: 'PUT', path: `/v3/video-translations/proofreads/${encodeURIComponent(id)}/srt`, json: { srt }, kind: 'write' });
        return parseData(proofreadSchema, res, 'PUT /v3/video-translations/proofreads/{id}/srt');
      },
      async generate(id, body = {}, opts = {}) {
        const path = `/v3/video-translations/proofreads/${encodeURIComponent(id)}/generate`;
        return parseData(proofreadGenerateSchema, await post(path, '', body, opts), 'POST /v3/video-translations/proofreads/{id}/generate').video_translation_id;
      },
    },
  };
}
