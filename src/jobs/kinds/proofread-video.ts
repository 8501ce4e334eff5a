import type { JobKind } from '../job';
import type { TranslationRequest } from '../translate/translation-request';
import { collectTranslation, uploadedAsset } from './video-translation';

/**
 * `--resume`: the reviewed SRT is uploaded to the proofread (a free write, repeated harmlessly after a kill), then
 * `POST …/proofreads/{id}/generate` (honours Idempotency-Key) makes the video, waited for like any translation.
 */
export const proofreadVideoKind: JobKind<TranslationRequest> = {
  idempotent: () => true,
  statusSource: () => 'video-translations',
  async submit(job, ctx, attempt, onUpload) {
    const proofread = job.request.proofread;
    if (!proofread) throw new Error(`${job.label}: no proofread to generate from`);
    onUpload();
    const vt = ctx.client.videoTranslations;
    await vt.proofreads.uploadSrt(proofread.id, await uploadedAsset(ctx, proofread.srt));
    return vt.proofreads.generate(proofread.id, { captions: true }, { idempotencyKey: attempt.idempotencyKey });
  },
  collect: collectTranslation,
};
