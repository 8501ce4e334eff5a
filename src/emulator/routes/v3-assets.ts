import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Response } from 'undici';
import type { Router, RouteContext } from '../router';
import type { EmulatorContext } from '../emulator-context';
import type { AssetRecord } from '../emulator-state';
import { HttpError } from '../http-error';
import { sniffMime } from '../sniff-mime';
import { assetUrl, createAsset, extensionFor } from '../asset-store';

const MULTIPART_MAX = 32 * 1024 * 1024;
const DIRECT_MAX = 200 * 1024 * 1024;
const ACCEPTED = ['image/png', 'image/jpeg', 'video/mp4', 'video/webm', 'audio/mpeg', 'audio/wav', 'application/pdf'];
// headers a client or its HTTP stack adds that are not part of an S3 signature
const UNSIGNED_OK = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'expect', 'accept-encoding']);

const bad = (message: string, param?: string): HttpError => new HttpError(400, message, { code: 'invalid_parameter', param });

function s3Fail(rc: RouteContext, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  rc.res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  rc.res.end(body);
}

/**
 * A signed PUT: the signature must verify, the request must carry exactly the signed headers (no API key, no
 * extras) with the declared Content-Type, and the bytes must match the declared size and checksum.
 */
export async function receiveSignedPut(ctx: EmulatorContext, rc: RouteContext, asset: AssetRecord | undefined, signedHeaders: Record<string, string>): Promise<void> {
  if (!asset || !asset.declared) return s3Fail(rc, 404, 'NoSuchUpload', 'The specified upload does not exist.');
  const verdict = ctx.signer.verify(rc.path, rc.query);
  if (verdict !== 'ok') return s3Fail(rc, 403, verdict === 'expired' ? 'AccessDenied' : 'SignatureDoesNotMatch', verdict === 'expired' ? 'Request has expired' : 'The request signature we calculated does not match the signature you provided');
  if (rc.header('x-api-key') || rc.header('authorization')) return s3Fail(rc, 400, 'InvalidArgument', 'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter should be specified');
  const signed = Object.fromEntries(Object.entries(signedHeaders).map(([k, v]) => [k.toLowerCase(), v]));
  const extra = Object.keys(rc.req.headers).find((h) => !UNSIGNED_OK.has(h) && !(h in signed));
  if (extra) return s3Fail(rc, 403, 'SignatureDoesNotMatch', `Header ${extra} was not signed`);
  const wrong = Object.entries(signed).find(([k, v]) => rc.header(k) !== v);
  if (wrong) return s3Fail(rc, 403, 'SignatureDoesNotMatch', `Header ${wrong[0]} does not match the signed value`);
  const bytes = await rc.body();
  if (asset.declared.sizeBytes && bytes.length !== asset.declared.sizeBytes) return s3Fail(rc, 400, 'IncompleteBody', `Expected ${asset.declared.sizeBytes} bytes, got ${bytes.length}`);
  const sum = createHash('sha256').update(bytes).digest('hex');
  if (asset.declared.checksumSha256 && asset.declared.checksumSha256 !== sum) return s3Fail(rc, 400, 'BadDigest', 'The SHA-256 you specified did not match what we received.');
  await writeFile(asset.file, bytes);
  asset.sizeBytes = bytes.length;
  asset.status = 'uploaded';
  rc.res.writeHead(200, { etag: `"${sum.slice(0, 32)}"`, 'content-length': 0 });
  rc.res.end();
}

function assetOut(ctx: EmulatorContext, a: AssetRecord): Record<string, unknown> {
  return { asset_id: a.id, url: assetUrl(ctx, a), mime_type: a.mimeType, size_bytes: a.sizeBytes };
}

export function registerV3AssetRoutes(router: Router, ctx: EmulatorContext): void {
  router.add(
    'POST',
    '/v3/assets',
    async (rc) => {
      const type = rc.header('content-type') ?? '';
      if (!type.startsWith('multipart/form-data')) throw bad('Send the file as multipart/form-data with a single field "file"', 'file');
      const declared = Number(rc.header('content-length') ?? '0');
      if (declared > MULTIPART_MAX + 64 * 1024) throw new HttpError(413, 'File exceeds 32 MB: use POST /v3/assets/direct-uploads', { code: 'payload_too_large' });
      const raw = await rc.body();
      if (raw.length > MULTIPART_MAX + 64 * 1024) throw new HttpError(413, 'File exceeds 32 MB: use POST /v3/assets/direct-uploads', { code: 'payload_too_large' });
      let form: Awaited<ReturnType<Response['formData']>>;
      try {
        form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      } catch {
        throw bad('Malformed multipart body', 'file');
      }
      const other = [...form.keys()].find((k) => k !== 'file');
      if (other) throw bad(`Unexpected form field ${other}: only "file" is accepted`, other);
      const file = form.get('file');
      if (!file || typeof file === 'string') throw bad('Form field "file" with a filename is required', 'file');
      const bytes = Buffer.from(await file.arrayBuffer());
      if (bytes.length === 0) throw bad('The file is empty', 'file');
      if (bytes.length > MULTIPART_MAX) throw new HttpError(413, 'File exceeds 32 MB: use POST /v3/assets/direct-uploads', { code: 'payload_too_large' });
      const mime = sniffMime(bytes);
      if (!mime) throw bad('Unsupported file type: png, jpeg, mp4, webm, mp3, wav, pdf or srt', 'file');
      const asset = await createAsset(ctx, { filename: file.name || `upload.${extensionFor(mime)}`, mimeType: mime, bytes });
      return { data: assetOut(ctx, asset) };
    },
    { idempotent: true },
  );

  router.add(
    'POST',
    '/v3/assets/direct-uploads',
    async (rc) => {
      const body = await rc.json<{ filename?: unknown; content_type?: unknown; size_bytes?: unknown; checksum_sha256?: unknown }>();
      if (typeof body.filename !== 'string' || !body.filename) throw bad('filename is required', 'filename');
      if (typeof body.content_type !== 'string' || !ACCEPTED.includes(body.content_type)) throw bad(`content_type must be one of ${ACCEPTED.join(', ')}`, 'content_type');
      if (typeof body.size_bytes !== 'number' || !Number.isInteger(body.size_bytes) || body.size_bytes < 1) throw bad('size_bytes must be the exact size in bytes', 'size_bytes');
      if (body.size_bytes > DIRECT_MAX) throw new HttpError(413, `size_bytes exceeds the ${DIRECT_MAX} byte limit`, { code: 'payload_too_large', param: 'size_bytes' });
      if (body.checksum_sha256 !== undefined && (typeof body.checksum_sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(body.checksum_sha256))) throw bad('checksum_sha256 must be 64 hex characters', 'checksum_sha256');
      const asset = await createAsset(ctx, { filename: body.filename, mimeType: body.content_type, declaredSize: body.size_bytes, checksum: body.checksum_sha256 as string | undefined });
      return {
        data: {
          asset_id: asset.id,
          upload_url: ctx.signer.sign(ctx.baseUrl(), `/__s3/uploads/${asset.id}`),
          upload_headers: { 'Content-Type': body.content_type, 'x-amz-meta-asset-id': asset.id },
          expires_in_seconds: Math.floor(ctx.signer.ttlMs / 1000),
          max_bytes: DIRECT_MAX,
          status: 'pending_upload',
        },
      };
    },
    { idempotent: true },
  );

  router.add('PUT', '/__s3/uploads/:id', (rc) => {
    const asset = ctx.state.assets.get(rc.params.id ?? '');
    return receiveSignedPut(ctx, rc, asset, asset ? { 'content-type': asset.mimeType, 'x-amz-meta-asset-id': asset.id } : {});
  }, { auth: false });

  router.add('POST', '/v3/assets/:id/complete', async (rc) => {
    const asset = ctx.state.assets.get(rc.params.id ?? '');
    if (!asset) throw new HttpError(404, `Asset ${rc.params.id} not found`, { code: 'asset_not_found' });
    const raw = await rc.body();
    const body = raw.length ? (JSON.parse(raw.toString('utf8')) as { checksum_sha256?: string }) : {};
    if (asset.status === 'pending_upload') throw new HttpError(409, 'Uploaded object not found yet', { code: 'conflict' });
    if (body.checksum_sha256 && asset.declared?.checksumSha256 && body.checksum_sha256 !== asset.declared.checksumSha256) throw bad('checksum_sha256 does not match the declared checksum', 'checksum_sha256');
    asset.status = 'ready';
    return { data: { ...assetOut(ctx, asset), status: 'processing' } };
  });

  router.add('GET', '/v3/assets/:id', (rc) => {
    const a = ctx.state.assets.get(rc.params.id ?? '');
    if (!a) throw new HttpError(404, `Asset ${rc.params.id} not found`, { code: 'asset_not_found' });
    return { data: { id: a.id, name: a.filename, owner: 'emulator', space_id: 'space_emulator', type: a.mimeType.split('/')[0], uploaded_at: Math.floor(a.createdAt / 1000), folder_id: null, url: a.status === 'pending_upload' ? null : assetUrl(ctx, a) } };
  });

  router.add('DELETE', '/v3/assets/:id', (rc) => {
    if (!ctx.state.assets.delete(rc.params.id ?? '')) throw new HttpError(404, `Asset ${rc.params.id} not found`, { code: 'asset_not_found' });
    return { data: { id: rc.params.id } };
  });
}
