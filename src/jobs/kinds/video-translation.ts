import path from 'node:path';
import { stat } from 'node:fs/promises';
import type { JobContext, JobKind } from '../job';
import { translationFiles, type TranslationRequest } from '../translate/translation-request';

/** An uploaded local file as HeyGen's `{type: asset_id}` (once per account: the asset cache). */
export async function uploadedAsset(ctx: JobContext, file: string): Promise<{ type: 'asset_id'; asset_id: string }> {
  return { type: 'asset_id', asset_id: (await ctx.uploads.assetId(ctx.client, file, file)).assetId };
}

/** The source video and its captions (if given) as assets: what a translation and a proofread are made from. */
export async function sourceAssets(ctx: JobContext, request: TranslationRequest) {
  const video = await uploadedAsset(ctx, request.video);
  return { video, srt: request.srt ? await uploadedAsset(ctx, request.srt) : undefined };
}

/** Downloads a finished translation (video, then captions) and records it, so a re-run pays nothing. */
export async function collectTranslation(job: { key: string; request: TranslationRequest }, ctx: JobContext, translationId: string): Promise<string> {
  if (!ctx.translations) throw new Error('a translation job needs the translation records (src/jobs/translate)');
  const files = translationFiles(job.request);
  const { bytes } = await ctx.client.videoTranslations.download(translationId, files.video, { captionsFile: files.captions });
  const size = (await stat(files.video)).size;
  await ctx.translations.putVideo(job.key, { translationId, scope: ctx.identity.scope, file: files.video, captions: files.captions, bytes: size, fromProofread: job.request.proofread?.key, createdAt: new Date().toISOString() });
  return `${files.video} (${(bytes / 1024).toFixed(0)} KiB)`;
}

/** One language of a finished video: `POST /v3/video-translations` (honours Idempotency-Key), one id per language. */
export const videoTranslationKind: JobKind<TranslationRequest> = {
  idempotent: () => true,
  statusSource: () => 'video-translations',
  async submit(job, ctx, attempt, onUpload) {
    const { request } = job;
    onUpload();
    const { video, srt } = await sourceAssets(ctx, request);
    const [id] = await ctx.client.videoTranslations.create(
      { video, output_languages: [request.language], title: `${path.basename(request.video)} [${attempt.marker}]`, srt, srt_role: srt ? 'input' : undefined, enable_caption: true },
      { idempotencyKey: attempt.idempotencyKey },
    );
    if (!id) throw new Error(`HeyGen answered no translation id for ${request.language}`);
    return id;
  },
  collect: collectTranslation,
};
