import { ffprobe } from './ffmpeg';

export interface ClipProbe {
  durationSec: number;
  fps: number;
  width: number;
  height: number;
  hasAudio: boolean;
  alpha: boolean;
}

function rate(r: string | undefined): number {
  if (!r) return 0;
  const [n, d] = r.split('/').map(Number) as [number, number | undefined];
  return d ? n / d : n;
}

/** Reads fps and duration from the file itself: HeyGen does not document them (25 fps in practice). */
export async function probeClip(file: string): Promise<ClipProbe> {
  const probe = await ffprobe(file);
  const video = probe.streams.find((s) => s.codec_type === 'video');
  if (!video) throw new Error(`${file} has no video stream`);
  const durationSec = Number(probe.format.duration ?? video.duration);
  if (!Number.isFinite(durationSec) || durationSec <= 0) throw new Error(`${file}: cannot read its duration`);
  const tags = Object.fromEntries(Object.entries(video.tags ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    durationSec,
    fps: rate(video.avg_frame_rate) || rate(video.r_frame_rate) || 25,
    width: video.width ?? 0,
    height: video.height ?? 0,
    hasAudio: probe.streams.some((s) => s.codec_type === 'audio'),
    alpha: tags.alpha_mode === '1',
  };
}
