import path from 'node:path';
import type { ClipRequest } from '../../spec/clip-request';
import type { JobKind } from '../job';
import { storeClip } from '../store-clip';

/**
 * A full-frame scene from the user's own footage made to say a new recording: both files are uploaded once
 * (content-keyed assets), then `POST /v3/lipsyncs` (honours Idempotency-Key), polled on `/v3/lipsyncs/{id}`.
 */
export const lipsyncVideoKind: JobKind<ClipRequest> = {
  idempotent: () => true,
  statusSource: () => 'v3-lipsyncs',
  async submit(job, ctx, attempt, onUpload) {
    const source = job.request.source;
    if (source?.type !== 'lipsync') throw new Error(`${job.label}: not a lipsync scene`);
    if (ctx.identity.generation !== 'v3') throw new Error(`${job.label}: lipsync needs HeyGen's v3 API (unset HEYGEN_API_GENERATION=legacy)`);
    onUpload();
    const asset = async (rel: string) => ({ type: 'asset_id' as const, asset_id: (await ctx.uploads.assetId(ctx.client, rel, path.join(ctx.store.publicDir, rel))).assetId });
    const video = await asset(source.footage);
    const audio = await asset(source.audio);
    const created = await ctx.client.lipsyncs.create(
      { video, audio, title: `${job.label} [${attempt.marker}]`, enable_caption: true, callback_url: ctx.callbackUrl, callback_id: ctx.callbackUrl ? job.key : undefined },
      { idempotencyKey: attempt.idempotencyKey },
    );
    return created.lipsync_id;
  },
  async collect(job, ctx, lipsyncId) {
    const { store } = ctx;
    const got = await ctx.client.lipsyncs.download(lipsyncId, store.videoPath(job.key), { captionsFile: store.subtitlesPath(job.key) }).catch(async (err: Error) => {
      // captions are a nicety: without them the scene still renders (no captions)
      if (!/caption_url/.test(err.message)) throw err;
      return ctx.client.lipsyncs.download(lipsyncId, store.videoPath(job.key));
    });
    return storeClip(job, ctx, lipsyncId, { bytes: got.bytes, hasSubtitles: Boolean(got.captionsFile), kind: 'lipsync-video' });
  },
};
