import type { EmulatorContext } from './emulator-context';
import type { VideoJob } from './video-job';

/** The signed URLs of a finished video, signed afresh on every call as HeyGen does. */
export function videoUrls(ctx: EmulatorContext, job: VideoJob): { videoUrl: string | null; subtitleUrl: string | null; pageUrl: string } {
  const done = job.status === 'completed' && job.videoFile;
  const base = ctx.baseUrl();
  return {
    videoUrl: done ? ctx.signer.sign(base, `/files/videos/${job.id}.${job.outputFormat}`) : null,
    subtitleUrl: done && job.srtFile ? ctx.signer.sign(base, `/files/subtitles/${job.id}.srt`) : null,
    pageUrl: `${base}/share/${job.id}`,
  };
}
