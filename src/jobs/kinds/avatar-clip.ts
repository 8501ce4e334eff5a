import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { ClipRequest } from '../../spec/clip-request';
import type { JobContext, JobKind } from '../job';
import { storeClip } from '../store-clip';

/** The persistent photo avatar's look for a `persistent` photo (made first by a photo-avatar job), else undefined. */
async function persistentLookOf(request: ClipRequest, ctx: JobContext): Promise<string | undefined> {
  if (request.avatar.type !== 'photo' || !request.avatar.persistent) return undefined;
  const look = await ctx.photoAvatars?.lookFor(request.avatar.path);
  if (!look) throw new Error(`the photo avatar of ${request.avatar.path} is not ready (see its own line above); re-run once it is`);
  return look;
}

/** A transparent presenter clip for one scene: v3 `POST /v3/videos` (webm) or legacy `POST /v1/video.webm`. */
export const avatarClipKind: JobKind<ClipRequest> = {
  idempotent: (ctx) => ctx.identity.generation === 'v3',
  statusSource: (ctx) => (ctx.identity.generation === 'v3' ? 'v3-videos' : 'legacy-videos'),

  async submit(job, ctx, attempt, onUpload) {
    const { request } = job;
    const persistentLook = await persistentLookOf(request, ctx);
    if ((request.avatar.type === 'photo' && !persistentLook) || request.speech.type === 'audio') onUpload();
    const uploaded = async (rel: string) => (await ctx.uploads.assetId(ctx.client, rel, path.join(ctx.store.publicDir, rel))).assetId;
    const photoAssetId = request.avatar.type === 'photo' && !persistentLook ? await uploaded(request.avatar.path) : undefined;
    const audioAssetId = request.speech.type === 'audio' ? await uploaded(request.speech.path) : undefined;
    const { videoId } = await ctx.client.createAvatarClip(
      {
        avatarId: request.avatar.type === 'look' ? request.avatar.id : persistentLook,
        photoAssetId,
        voiceId: request.voice.id,
        script: request.speech.type === 'script' ? request.speech.script : undefined,
        audioAssetId,
        speed: request.voice.speed,
        pitch: request.voice.pitch,
        locale: request.voice.locale,
        resolution: request.resolution,
        aspectRatio: request.aspect,
        // The marker in the title is how a resumed legacy run finds this attempt instead of paying for another.
        title: `${job.label} [${attempt.marker}]`,
        callbackUrl: ctx.callbackUrl,
        callbackId: ctx.callbackUrl ? job.key : undefined,
      },
      { idempotencyKey: avatarClipKind.idempotent(ctx) ? attempt.idempotencyKey : undefined },
    );
    return videoId;
  },

  async find(_job, ctx, marker) {
    const tag = `[${marker}]`;
    if (ctx.identity.generation === 'v3') {
      for await (const v of ctx.client.videos.list({ title: tag })) if (v.title?.includes(tag)) return v.id;
      return null;
    }
    for await (const v of ctx.client.legacy.listVideos()) if (v.video_title?.includes(tag)) return v.video_id;
    return null;
  },

  collect: collectClip,
};

/** Video, then subtitles (a nicety), then the probe, the completion marker and the manifest entry (storeClip). */
async function collectClip(job: { key: string; request: ClipRequest }, ctx: JobContext, videoId: string): Promise<string> {
  const { store, client } = ctx;
  const { bytes } = await client.downloadVideo(videoId, store.videoPath(job.key));
  const srtFile = store.subtitlesPath(job.key);
  const hasSubtitles = await client.downloadSubtitles(videoId, srtFile).then(
    () => true,
    // A clip without subtitles still renders (captions fall back to none).
    async () => (await rm(srtFile, { force: true }), false),
  );
  return storeClip(job, ctx, videoId, { bytes, hasSubtitles, kind: 'avatar-clip' });
}
