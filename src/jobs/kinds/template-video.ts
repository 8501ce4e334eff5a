import path from 'node:path';
import type { TemplateVariableValue } from '../../heygen/schemas/template';
import type { ClipRequest } from '../../spec/clip-request';
import { isImageUrl } from '../../spec/video-spec';
import type { JobContext, JobKind } from '../job';
import { avatarClipKind } from './avatar-clip';

/** HeyGen's `{name, type, properties}` for each variable: text as is; an image by URL, or a file under public/ uploaded once. */
async function variableValues(variables: Record<string, string | { image: string }>, ctx: JobContext, onUpload: () => void): Promise<Record<string, TemplateVariableValue>> {
  const out: Record<string, TemplateVariableValue> = {};
  for (const [name, v] of Object.entries(variables)) {
    if (typeof v === 'string') out[name] = { name, type: 'text', properties: { content: v } };
    else if (isImageUrl(v.image)) out[name] = { name, type: 'image', properties: { url: v.image } };
    else {
      onUpload();
      const { assetId } = await ctx.uploads.assetId(ctx.client, v.image, path.join(ctx.store.publicDir, v.image));
      out[name] = { name, type: 'image', properties: { asset_id: assetId } };
    }
  }
  return out;
}

/** A full-frame scene from a HeyGen template: `POST /v3/templates/{id}` (honours Idempotency-Key), then a video like any other. */
export const templateVideoKind: JobKind<ClipRequest> = {
  idempotent: () => true,
  statusSource: () => 'v3-videos',
  async submit(job, ctx, attempt, onUpload) {
    const source = job.request.source;
    if (source?.type !== 'template') throw new Error(`${job.label}: not a template scene`);
    const variables = await variableValues(source.variables, ctx, onUpload);
    const v = await ctx.client.templates.generate(
      source.id,
      { variables, title: `${job.label} [${attempt.marker}]`, dimension: { width: job.request.width, height: job.request.height }, caption: true, callback_url: ctx.callbackUrl, callback_id: ctx.callbackUrl ? job.key : undefined },
      { idempotencyKey: attempt.idempotencyKey },
    );
    return v.id;
  },
  collect: (job, ctx, videoId) => avatarClipKind.collect(job, ctx, videoId),
};
