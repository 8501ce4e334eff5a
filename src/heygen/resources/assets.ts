import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { FormData } from 'undici';
import type { Transport } from '../transport';
import { parseData } from '../parse-data';
import { assetSchema, completedUploadSchema, directUploadSchema, legacyAssetSchema, legacyPresignSchema } from '../schemas/asset';
import { contentTypeFor } from '../content-type-for';
import { normalizeIdempotencyKey } from '../idempotency-key';
import { ConflictError, PayloadTooLargeError } from '../errors';
import { sleep } from '../sleep';

const assetInfoSchema = z.looseObject({ id: z.string(), name: z.string().nullish(), type: z.string().nullish(), url: z.string().nullish(), uploaded_at: z.number().nullish() });

export type UploadInput = { file: string } | { data: Buffer; filename: string };
export interface UploadOptions {
  contentType?: string;
  idempotencyKey?: string;
  signal?: AbortSignal;
}
export interface UploadedAsset {
  assetId: string;
  url: string;
  mimeType: string;
  sizeBytes: number;
}

/** `POST /v3/assets` takes at most 32 MB; larger files go through the three-step direct upload. */
export const MULTIPART_MAX_BYTES = 32 * 1024 * 1024;

interface Source {
  filename: string;
  size: number;
  contentType: string;
  bytes(): Promise<Buffer>;
  stream(): Readable;
  sha256(): Promise<string>;
}

async function sourceOf(input: UploadInput, contentType?: string): Promise<Source> {
  if ('data' in input) {
    const data = input.data;
    return {
      filename: input.filename,
      size: data.length,
      contentType: contentType ?? contentTypeFor(input.filename),
      bytes: async () => data,
      stream: () => Readable.from([data]),
      sha256: async () => createHash('sha256').update(data).digest('hex'),
    };
  }
  const file = input.file;
  const info = await stat(file);
  return {
    filename: path.basename(file),
    size: info.size,
    contentType: contentType ?? contentTypeFor(file),
    bytes: () => readFile(file),
    stream: () => createReadStream(file),
    sha256: () =>
      new Promise((resolve, reject) => {
        const hash = createHash('sha256');
        createReadStream(file)
          .on('data', (c) => hash.update(c))
          .on('end', () => resolve(hash.digest('hex')))
          .on('error', reject);
      }),
  };
}

export interface AssetsResource {
  /** v3: multipart up to 32 MB, direct upload above; legacy: raw bytes to the upload host */
  upload(input: UploadInput, opts?: UploadOptions): Promise<UploadedAsset>;
  /** the seed's two-step flow (`POST /v1/asset {content_type}` then `PUT`), kept for compatibility */
  uploadPresigned(input: UploadInput, opts?: UploadOptions): Promise<UploadedAsset>;
  get(assetId: string): Promise<z.infer<typeof assetInfoSchema>>;
  delete(assetId: string): Promise<void>;
}

/**
 * One key per upload, the same on each of its retries. Never derived from the bytes: HeyGen replays an answer for
 * 24 h, so uploading a file again after its asset was deleted would hand back the dead asset.
 */
function uploadKey(opts: UploadOptions): string {
  return normalizeIdempotencyKey(opts.idempotencyKey ?? `upload-${randomUUID()}`);
}

export function createAssetsResource(transport: Transport, multipartMaxBytes = MULTIPART_MAX_BYTES): AssetsResource {
  const generation = transport.config.generation;

  async function multipart(src: Source, opts: UploadOptions): Promise<UploadedAsset> {
    const bytes = await src.bytes();
    const key = uploadKey(opts);
    const res = await transport.request({
      method: 'POST',
      path: '/v3/assets',
      kind: 'upload',
      idempotencyKey: key,
      signal: opts.signal,
      body: () => {
        const form = new FormData();
        form.set('file', new Blob([bytes], { type: src.contentType }), src.filename);
        return form;
      },
    });
    const a = parseData(assetSchema, res, 'POST /v3/assets');
    return { assetId: a.asset_id, url: a.url, mimeType: a.mime_type, sizeBytes: a.size_bytes };
  }

  async function direct(src: Source, opts: UploadOptions): Promise<UploadedAsset> {
    const checksum = await src.sha256();
    const body = { filename: src.filename, content_type: src.contentType, size_bytes: src.size, checksum_sha256: checksum };
    const key = uploadKey(opts);
    const created = parseData(
      directUploadSchema,
      await transport.request({ method: 'POST', path: '/v3/assets/direct-uploads', json: body, kind: 'write', idempotencyKey: key, signal: opts.signal }),
      'POST /v3/assets/direct-uploads',
    );
    if (created.max_bytes && src.size > created.max_bytes) throw new PayloadTooLargeError(`${src.filename} is ${src.size} bytes; HeyGen's direct upload takes at most ${created.max_bytes}`, { status: 413, code: 'payload_too_large' });
    await transport.request({
      method: 'PUT',
      path: created.upload_url,
      kind: 'upload',
      raw: true,
      exactHeaders: true,
      headers: { ...(created.upload_headers ?? { 'content-type': src.contentType }), 'content-length': String(src.size) },
      body: () => src.stream(),
      signal: opts.signal,
    });
    const route = `/v3/assets/${encodeURIComponent(created.asset_id)}/complete`;
    for (let attempt = 0; ; attempt++) {
      try {
        // HeyGen documents complete as idempotent: the transport retries it after a timeout or a 5xx
        const res = await transport.request({ method: 'POST', path: route, json: { checksum_sha256: checksum }, kind: 'write', idempotent: true, signal: opts.signal });
        const done = parseData(completedUploadSchema, res, 'POST /v3/assets/{id}/complete');
        return { assetId: done.asset_id, url: done.url, mimeType: done.mime_type, sizeBytes: done.size_bytes };
      } catch (error) {
        // the PUT may not be visible yet ("Uploaded object not found yet"); complete is idempotent
        if (!(error instanceof ConflictError) || attempt >= 5) throw error;
        await sleep(Math.min(2_000, transport.config.retryBaseDelayMs * 2 ** attempt), opts.signal);
      }
    }
  }

  async function legacyRaw(src: Source, opts: UploadOptions): Promise<UploadedAsset> {
    const bytes = await src.bytes();
    const res = await transport.request({ method: 'POST', path: '/v1/asset', host: 'upload', kind: 'upload', headers: { 'content-type': src.contentType }, body: () => bytes, signal: opts.signal });
    const a = parseData(legacyAssetSchema, res, 'POST upload/v1/asset');
    return { assetId: a.id, url: a.url, mimeType: src.contentType, sizeBytes: src.size };
  }

  return {
    async upload(input, opts = {}) {
      const src = await sourceOf(input, opts.contentType);
      if (generation === 'legacy') return legacyRaw(src, opts);
      return src.size <= multipartMaxBytes ? multipart(src, opts) : direct(src, opts);
    },
    async uploadPresigned(input, opts = {}) {
      const src = await sourceOf(input, opts.contentType);
      const res = await transport.request({ method: 'POST', path: '/v1/asset', json: { content_type: src.contentType }, kind: 'write', signal: opts.signal });
      const presigned = parseData(legacyPresignSchema, res, 'POST /v1/asset');
      await transport.request({
        method: 'PUT',
        path: presigned.url,
        kind: 'upload',
        raw: true,
        exactHeaders: true,
        headers: { 'content-type': src.contentType, 'content-length': String(src.size) },
        body: () => src.stream(),
        signal: opts.signal,
      });
      return { assetId: presigned.asset_id, url: presigned.url.split('?')[0] ?? presigned.url, mimeType: src.contentType, sizeBytes: src.size };
    },
    async get(assetId) {
      const res = await transport.request({ method: 'GET', path: `/v3/assets/${encodeURIComponent(assetId)}`, kind: 'read' });
      return parseData(assetInfoSchema, res, 'GET /v3/assets/{id}');
    },
    async delete(assetId) {
      await transport.request({ method: 'DELETE', path: `/v3/assets/${encodeURIComponent(assetId)}`, kind: 'write' });
    },
  };
}
