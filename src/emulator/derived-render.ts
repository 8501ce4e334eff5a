import type { EmulatorContext } from './emulator-context';
import type { DerivedVideo } from './resource-records';
import type { VideoJob } from './video-job';
import type { Fault } from './faults';
import { newId } from './ids';

/** Starts an internal render job (lipsync, translation) whose file `produce` makes; counted apart from videos. */
export function startDerivedRender(ctx: EmulatorContext, init: { title?: string; request: unknown; fault?: Fault; produce: VideoJob['produce'] }): VideoJob {
  const job: VideoJob = {
    id: newId(),
    api: 'v3',
    title: init.title,
    status: 'waiting',
    createdAt: Date.now(),
    outputFormat: 'mp4',
    width: 0,
    height: 0,
    scenes: [],
    caption: true,
    request: init.request,
    produce: init.produce,
    internal: true,
  };
  if (init.fault?.type === 'fail' || init.fault?.type === 'stuck') job.fault = init.fault;
  ctx.state.renders.set(job.id, job);
  ctx.runner.submit(job);
  return job;
}

/** HeyGen's lipsync and translation statuses: pending, running, completed, failed. */
export function derivedStatus(job: VideoJob | undefined): 'pending' | 'running' | 'completed' | 'failed' {
  if (!job || job.status === 'failed') return 'failed';
  if (job.status === 'completed') return 'completed';
  return job.status === 'processing' ? 'running' : 'pending';
}

/**
 * The fields HeyGen's lipsync and translation answers share (status, duration, video URL, captions, failure),
 * each resource naming its own caption field and failure wording.
 */
export function derivedVideoOut(ctx: EmulatorContext, d: DerivedVideo, shape: { captionField: string; captionsAlways: boolean; failed: string }): Record<string, unknown> {
  const job = ctx.state.renders.get(d.jobId);
  const status = derivedStatus(job);
  const done = status === 'completed' && job;
  const base = ctx.baseUrl();
  return {
    id: d.id,
    title: d.title,
    status,
    created_at: Math.floor(d.createdAt / 1000),
    duration: done ? (job.durationSec ?? null) : null,
    video_url: done ? ctx.signer.sign(base, `/files/videos/${job.id}.mp4`) : null,
    [shape.captionField]: done && (shape.captionsAlways || d.captions) ? ctx.signer.sign(base, `/files/subtitles/${job.id}.srt`) : null,
    callback_id: d.callbackId,
    failure_message: status === 'failed' ? (job?.failure?.message ?? shape.failed) : null,
  };
}
