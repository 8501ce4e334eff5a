import type { ClipRequest } from '../../spec/clip-request';
import type { JobContext, JobKind } from '../job';
import { avatarClipKind } from './avatar-clip';

/** Waits for a session's storyboard to name its video (the video itself is then polled like any other). */
async function videoOf(ctx: JobContext, sessionId: string): Promise<string> {
  const s = await ctx.client.videoAgents.wait(sessionId, {});
  return s.video_id;
}

/**
 * A full-frame scene from Video Agent: `POST /v3/video-agents` honours no Idempotency-Key, so a resumed run looks
 * for the session that carries the same prompt (the journal says one was sent) before creating another.
 */
export const agentVideoKind: JobKind<ClipRequest> = {
  idempotent: () => false,
  statusSource: () => 'v3-videos',
  async submit(job, ctx) {
    const source = job.request.source;
    if (source?.type !== 'agent') throw new Error(`${job.label}: not a Video Agent scene`);
    const orientation = job.request.height > job.request.width ? 'portrait' : 'landscape';
    const s = await ctx.client.videoAgents.create({ prompt: source.prompt, style_id: source.style, orientation, callback_url: ctx.callbackUrl, callback_id: ctx.callbackUrl ? job.key : undefined });
    return videoOf(ctx, s.session_id);
  },
  async find(job, ctx) {
    const source = job.request.source;
    if (source?.type !== 'agent') return null;
    const found = await ctx.client.videoAgents.findByPrompt(source.prompt, 0);
    if (!found || found.status === 'failed') return null;
    return found.video_id ?? videoOf(ctx, found.session_id);
  },
  collect: (job, ctx, videoId) => avatarClipKind.collect(job, ctx, videoId),
};
