import { runBinary, ffprobePath } from './ffmpeg';

export interface MeasuredDuration {
  /** End of the last video packet, in seconds (0: no video packets). */
  videoSec: number;
  /** End of the last audio packet, in seconds (null: no audio stream). */
  audioSec: number | null;
}

/**
 * How long a file really plays, from its packets, not its header: a WebM cut in half still claims its full
 * Duration in the header, and only the packets show where it stops. Reads packets without decoding (cheap).
 */
export async function measureDuration(file: string): Promise<MeasuredDuration> {
  const { stdout } = await runBinary(ffprobePath(), ['-v', 'error', '-show_entries', 'packet=codec_type,pts_time,duration_time', '-of', 'csv=p=0', file]);
  let videoSec = 0;
  let audioSec: number | null = null;
  for (const line of stdout.toString().split('\n')) {
    const [type, pts, dur] = line.trim().split(',');
    const end = Number(pts) + (Number(dur) || 0);
    if (!Number.isFinite(end)) continue;
    if (type === 'video') videoSec = Math.max(videoSec, end);
    else if (type === 'audio') audioSec = Math.max(audioSec ?? 0, end);
  }
  return { videoSec, audioSec };
}
