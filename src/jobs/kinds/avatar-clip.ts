import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { probeClip } from '../../media/probe-clip';
import { requestKey, type ClipRequest } from '../../spec/clip-request';
import type { ClipEntry } from '../../spec/manifest';
import type { JobContext, JobKind } from '../job';
import { wordsFromSrt } from '../srt-words';

/** A transparent presenter clip for one scene: v3 `POST /v3/videos` (webm) or legacy `POST /v1/video.webm`. */
export const avatarClipKind: JobKind<ClipRequest> = {
  idempotent: (ctx) => ctx.identity.generation === 'v3',
  statusSource: (ctx) => (ctx.identity.generation === 'v3' ? 'v3-videos' : 'legacy-videos'),

  async submit(job, ctx, attempt, onUpload) {
    const { request } = job;
    if (request.avatar.type === 'photo' || request.speech.type === 'audio') onUpload();
    const uploaded = async (rel: string) => (await ctx.uploads.assetId(ctx.client, rel, path.join(ctx.store.publicDir, rel))).assetId;
    const photoAssetId = request.avatar.type === 'photo' ? await uploaded(request.avatar.path) : undefined;
    const audioAssetId = request.speech.type === 'audio' ? await uploaded(request.speech.path) : undefined;
    const { videoId } = await ctx.client.createAvatarClip(
      {
        avatarId: request.avatar.type === 'look' ? request.avatar.id : undefined,
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

/** Video, then subtitles (a nicety), then the probe, then the completion marker, then the manifest entry. */
async function collectClip(job: { key: string; request: ClipRequest }, ctx: JobContext, videoId: string): Promise<string> {
  const { store, client } = ctx;
  const file = store.videoPath(job.key);
  const { bytes } = await client.downloadVideo(videoId, file);
  let subtitles: string | undefined;
  let words: ClipEntry['words'];
  const srtFile = store.subtitlesPath(job.key);
  try {
    await client.downloadSubtitles(videoId, srtFile);
    subtitles = store.relative(srtFile);
    words = wordsFromSrt(await readFile(srtFile, 'utf8'));
  } catch {
    // A clip without subtitles still renders (captions fall back to none).
    await rm(srtFile, { force: true });
  }
  const probe = await probeClip(file);
  const sizeBytes = (await stat(file)).size;
  const entry: ClipEntry = {
    requestKey: requestKey(job.request),
    generation: ctx.identity.generation,
    backend: ctx.identity.backend,
    videoId,
    file: store.relative(file),
    durationSec: probe.durationSec,
    fps: probe.fps,
    width: probe.width,
    height: probe.height,
    sizeBytes,
    subtitles,
    words: words?.length ? words : undefined,
    wordsSource: words?.length ? 'srt' : undefined,
    createdAt: new Date().toISOString(),
  };
  // The marker (written last on disk, before the manifest) holds the entry too: the manifest can be rebuilt from it.
  await store.markComplete(job.key, { videoId, bytes: sizeBytes, durationSec: probe.durationSec, kind: 'avatar-clip', entry });
  await ctx.record(job.key, entry);
  return `${probe.durationSec.toFixed(1)} s, ${(bytes / 1024).toFixed(0)} KiB`;
}
