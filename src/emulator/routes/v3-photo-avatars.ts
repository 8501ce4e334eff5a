import type { Router } from '../router';
import type { EmulatorContext } from '../emulator-context';
import type { PhotoAvatar } from '../resource-records';
import { HttpError } from '../http-error';
import { newId } from '../ids';
import { assetInputBytes } from '../asset-input';
import { consentUrl, findPhotoAvatar, photoAvatarStatus, photoGroupOut, photoLookOut } from '../photo-avatars';
import { jsonObjectBody } from '../json-object-body';

const bad = (message: string, param: string): HttpError => new HttpError(400, message, { code: 'invalid_parameter', param });
const PHOTO_FIELDS = ['type', 'name', 'file', 'avatar_group_id'];

async function imageSize(bytes: Buffer): Promise<{ width: number; height: number } | undefined> {
  try {
    const { loadImage } = await import('@napi-rs/canvas');
    const img = await loadImage(bytes);
    return img.width && img.height ? { width: img.width, height: img.height } : undefined;
  } catch {
    return undefined;
  }
}

/** `POST /v3/avatars` type photo: the look trains for a moment, then is ready, refused, or waits for consent. */
async function createPhotoAvatar(ctx: EmulatorContext, body: Record<string, unknown>, path: string): Promise<PhotoAvatar> {
  if (body.type === 'prompt' || body.type === 'digital_twin') throw bad(`type "${String(body.type)}" is not made by the emulator; use photo`, 'type');
  if (body.type !== 'photo') throw bad('type must be one of photo, digital_twin, prompt', 'type');
  const unknown = Object.keys(body).find((k) => !PHOTO_FIELDS.includes(k));
  if (unknown) throw bad(`Unrecognized field: ${unknown}`, unknown);
  if (typeof body.name !== 'string' || !body.name.trim()) throw bad('name is required', 'name');
  const { bytes } = await assetInputBytes(ctx, body.file, ['image/png', 'image/jpeg'], 'file', { base64: true });
  const size = await imageSize(bytes);
  const fault = ctx.faults.take('POST', path, ['fail', 'pending-consent']);
  const now = Date.now();
  const p: PhotoAvatar = {
    groupId: typeof body.avatar_group_id === 'string' && body.avatar_group_id ? body.avatar_group_id : newId('pg_'),
    lookId: newId('pl_'),
    name: body.name.trim(),
    photo: bytes,
    width: size?.width ?? 0,
    height: size?.height ?? 0,
    createdAt: now,
    readyAt: now + ctx.timing.pendingMs + ctx.timing.processingMinMs,
  };
  if (!size || size.width < 128 || size.height < 128) p.error = { code: 'invalid_image', message: `The photo could not be used: it must be a PNG or JPEG of at least 128x128 pixels (got ${size ? `${size.width}x${size.height}` : 'an unreadable image'})` };
  else if (fault?.type === 'fail') p.error = { code: fault.failureCode ?? 'photo_rejected', message: fault.failureMessage ?? 'No face was found in the photo: use a clear, front-facing portrait' };
  else if (fault?.type === 'pending-consent') p.needsConsent = true;
  ctx.state.photoAvatars.set(p.lookId, p);
  return p;
}

export function registerV3PhotoAvatarRoutes(router: Router, ctx: EmulatorContext): void {
  router.add(
    'POST',
    '/v3/avatars',
    async (rc) => {
      const body = await jsonObjectBody(rc);
      const p = await createPhotoAvatar(ctx, body, rc.path);
      ctx.log(`photo avatar ${p.lookId} created (${p.width}x${p.height})`);
      return { data: { avatar_item: photoLookOut(ctx, p), avatar_group: photoGroupOut(ctx, p) } };
    },
    { idempotent: true },
  );
  router.add(
    'POST',
    '/v3/avatars/:group/consent',
    async (rc) => {
      const p = findPhotoAvatar(ctx, rc.params.group ?? '');
      if (!p || p.groupId !== rc.params.group) throw new HttpError(404, `Avatar group ${rc.params.group} not found`, { code: 'avatar_not_found' });
      await rc.body();
      if (photoAvatarStatus(p) !== 'pending_consent') throw new HttpError(409, `Avatar group ${p.groupId} is ${photoAvatarStatus(p)}, not waiting for consent`, { code: 'conflict' });
      return { data: { avatar_group: photoGroupOut(ctx, p), url: consentUrl(ctx, p) } };
    },
    { idempotent: true },
  );
  // The page the person opens to give consent (HeyGen's is a recording flow; here a visit is consent).
  router.add(
    'GET',
    '/consent/:group',
    (rc) => {
      const p = findPhotoAvatar(ctx, rc.params.group ?? '');
      const html = p ? `<html><body><h1>Consent recorded for ${p.name}</h1><p>The avatar ${p.lookId} can now be used.</p></body></html>` : '<html><body><h1>No such avatar</h1></body></html>';
      if (p?.needsConsent && !p.consentAt) p.consentAt = Date.now();
      rc.res.writeHead(p ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
      rc.res.end(html);
    },
    { auth: false },
  );
  router.add(
    'GET',
    '/files/photo-avatars/:name',
    (rc) => {
      const p = ctx.state.photoAvatars.get((rc.params.name ?? '').replace(/\.png$/, ''));
      if (!p) throw new HttpError(404, 'no such picture', { code: 'not_found' });
      rc.res.writeHead(200, { 'content-type': 'image/png', 'content-length': p.photo.length });
      rc.res.end(p.photo);
    },
    { auth: false },
  );
}
