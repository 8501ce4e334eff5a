import type { ClipRequest } from '../../spec/clip-request';
import type { JobKind } from '../job';
import { avatarClipKind } from './avatar-clip';

/** A full-frame scene from a HeyGen template: `POST /v3/templates/{id}` (honours Idempotency-Key), then a video like any other. */
export const templateVideoKind: JobKind<ClipRequest> = {
  idempotent: () => true,
  statusSource: () => 'v3-videos',
  async submit(job, ctx, attempt) {
    const source = job.request.source;
    if (source?.type !== 'template') throw new Error(`${job.label}: not a template scene`);
    const variables = Object.fromEntries(Object.entries(source.variables).map(([name, content]) => [name, { name, type: 'text' as const, properties: { content } }]));
    const v = await ctx.client.templates.generate(
      source.id,
      { variables, title: `${job.label} [${attempt.marker}]`, dimension: { width: job.request.width, height: job.request.height }, caption: true, callback_url: ctx.callbackUrl, callback_id: ctx.callbackUrl ? job.key : undefined },
      { idempotencyKey: attempt.idempotencyKey },
    );
    return v.id;
  },
  collect: (job, ctx, videoId) => avatarClipKind.collect(job, ctx, videoId),
};
