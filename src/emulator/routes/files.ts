import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Router, RouteContext } from '../router';
import type { EmulatorContext } from '../emulator-context';

const TYPES: Record<string, string> = { '.webm': 'video/webm', '.mp4': 'video/mp4', '.srt': 'application/x-subrip', '.wav': 'audio/wav', '.mp3': 'audio/mpeg', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

function s3Error(rc: RouteContext, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${rc.requestId}</RequestId></Error>`;
  rc.res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  rc.res.end(body);
}

/** Sends a file like the CDN behind a signed link: the full Content-Length, or (truncate fault) less body than announced. */
async function sendFile(ctx: EmulatorContext, rc: RouteContext, file: string, signed: boolean): Promise<void> {
  if (ctx.faults.take(rc.method, rc.path, ['expired-url'])) return s3Error(rc, 403, 'AccessDenied', 'Request has expired');
  if (signed) {
    const verdict = ctx.signer.verify(rc.path, rc.query);
    if (verdict === 'expired') return s3Error(rc, 403, 'AccessDenied', 'Request has expired');
    if (verdict === 'bad-signature') return s3Error(rc, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided');
  }
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return s3Error(rc, 404, 'NoSuchKey', 'The specified key does not exist.');
  const truncate = ctx.faults.take(rc.method, rc.path, ['truncate']);
  rc.res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': info.size, 'cache-control': 'private, max-age=0' });
  if (rc.method === 'HEAD') return void rc.res.end();
  if (truncate?.type === 'truncate') {
    const keep = Math.min(info.size - 1, truncate.bytes ?? Math.floor(info.size / 2));
    const stream = createReadStream(file, { start: 0, end: Math.max(0, keep - 1) });
    stream.pipe(rc.res, { end: false });
    stream.on('end', () => rc.res.socket?.destroy());
    return;
  }
  createReadStream(file).pipe(rc.res);
}

const safeName = (name: string): boolean => /^[A-Za-z0-9_.-]+$/.test(name) && !name.startsWith('.');

/** The file host: signed video and subtitle links, public asset and speech links; never asks for the API key. */
export function registerFileRoutes(router: Router, ctx: EmulatorContext): void {
  const videosDir = path.join(ctx.dataDir, 'videos');
  for (const method of ['GET', 'HEAD']) {
    router.add(method, '/files/videos/:name', (rc) => (safeName(rc.params.name ?? '') ? sendFile(ctx, rc, path.join(videosDir, rc.params.name ?? ''), true) : s3Error(rc, 404, 'NoSuchKey', 'no such key')), { auth: false });
    router.add(method, '/files/subtitles/:name', (rc) => (safeName(rc.params.name ?? '') ? sendFile(ctx, rc, path.join(videosDir, rc.params.name ?? ''), true) : s3Error(rc, 404, 'NoSuchKey', 'no such key')), { auth: false });
    router.add(method, '/files/speech/:name', (rc) => (safeName(rc.params.name ?? '') ? sendFile(ctx, rc, path.join(ctx.dataDir, 'speech', rc.params.name ?? ''), false) : s3Error(rc, 404, 'NoSuchKey', 'no such key')), { auth: false });
    router.add(method, '/files/assets/:id/:name', (rc) => {
      const asset = ctx.state.assets.get(rc.params.id ?? '');
      if (!asset || asset.status === 'pending_upload') return s3Error(rc, 404, 'NoSuchKey', 'The specified key does not exist.');
      return sendFile(ctx, rc, asset.file, false);
    }, { auth: false });
  }
}
