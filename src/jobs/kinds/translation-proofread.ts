import path from 'node:path';
import type { JobKind } from '../job';
import { translationFiles, type TranslationRequest } from '../translate/translation-request';
import { sourceAssets } from './video-translation';

/**
 * `--proofread`: HeyGen translates the captions only (`POST /v3/video-translations/proofreads`, honours
 * Idempotency-Key); the translated SRT is downloaded for review and the proofread recorded for `--resume`.
 */
export const translationProofreadKind: JobKind<TranslationRequest> = {
  idempotent: () => true,
  statusSource: () => 'proofreads',
  async submit(job, ctx, attempt, onUpload) {
    const { request } = job;
    onUpload();
    const { video, srt } = await sourceAssets(ctx, request);
    const [id] = await ctx.client.videoTranslations.proofreads.create({ video, output_languages: [request.language], title: `${path.basename(request.video)} [${attempt.marker}]`, srt }, { idempotencyKey: attempt.idempotencyKey });
    if (!id) throw new Error(`HeyGen answered no proofread id for ${request.language}`);
    return id;
  },
  async collect(job, ctx, proofreadId) {
    if (!ctx.translations) throw new Error('a proofread job needs the translation records (src/jobs/translate)');
    const { reviewSrt } = translationFiles(job.request);
    await ctx.client.videoTranslations.proofreads.downloadSrt(proofreadId, reviewSrt);
    await ctx.translations.putProofread(job.key, { proofreadId, scope: ctx.identity.scope, reviewSrt, createdAt: new Date().toISOString() });
    return `review ${reviewSrt}`;
  },
};
