import path from 'node:path';
import type { JobContext, JobKind } from '../job';

/** What makes one persistent photo avatar: the photo (path under public/ and its sha256) and the name shown in HeyGen. */
export interface PhotoAvatarRequest {
  path: string;
  hash: string;
  name: string;
}

const storeOf = (ctx: JobContext) => {
  if (!ctx.photoAvatars) throw new Error('no photo avatar store in this run');
  return ctx.photoAvatars;
};

/**
 * A photo made a HeyGen photo avatar once: upload (content-keyed), `POST /v3/avatars` type photo (honours
 * Idempotency-Key), wait until the look is `completed`; its look id is kept in .heygen/photo-avatars.json.
 */
export const photoAvatarKind: JobKind<PhotoAvatarRequest> = {
  idempotent: () => true,
  statusSource: () => 'v3-avatar-looks',
  async submit(job, ctx, attempt, onUpload) {
    if (ctx.identity.generation !== 'v3') throw new Error(`${job.label}: persistent photo avatars need HeyGen's v3 API (unset HEYGEN_API_GENERATION=legacy)`);
    onUpload();
    const { assetId } = await ctx.uploads.assetId(ctx.client, job.request.path, path.join(ctx.store.publicDir, job.request.path));
    const { look } = await ctx.client.avatars.createPhoto({ name: job.request.name, file: { type: 'asset_id', asset_id: assetId } }, { idempotencyKey: attempt.idempotencyKey });
    return look.id;
  },
  async collect(job, ctx, lookId) {
    const look = await ctx.client.avatars.getLook(lookId);
    await storeOf(ctx).put(job.request.hash, { lookId, groupId: look.group_id ?? undefined, photo: job.request.path, createdAt: new Date().toISOString() });
    return `photo avatar ${lookId}`;
  },
};
