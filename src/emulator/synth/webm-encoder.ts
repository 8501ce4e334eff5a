import { spawn } from 'node:child_process';
import { envWithoutSecrets } from '../../lib/secrets';
import { ffmpegPath } from '../../media/ffmpeg';
import type { FrameSource } from './frame-source';
import { rawMatroskaFramePrefix, rawMatroskaHeader } from './raw-matroska';
import { yuvaFrameBytes } from './yuva';

export type VideoCodec = 'vp8' | 'vp9';

export interface WebmEncodeOptions {
  source: FrameSource;
  fps: number;
  /** WAV holding exactly frames/fps seconds of audio. */
  audioFile: string;
  outFile: string;
  codec?: VideoCodec;
  /** Title of the audio stream, e.g. the synthetic voice that spoke it (ffprobe shows it as the stream's title tag). */
  audioTitle?: string;
}

/** Fastest libvpx mode; -crf with -b:v 0 keeps the background at alpha 0; fixed threads keep the bytes reproducible. */
export function videoCodecArgs(codec: VideoCodec, width: number, height: number): string[] {
  const common = ['-pix_fmt', 'yuva420p', '-deadline', 'realtime', '-threads', '2', '-g', '250', '-lag-in-frames', '0', '-static-thresh', '100'];
  if (codec === 'vp8') {
    // VP8: -crf needs a bitrate ceiling, negative cpu-used is a fixed speed (positive adapts to the clock), no alt-ref keeps alpha.
    const kbps = Math.round((width * height * 25 * 0.06) / 1000);
    return ['-c:v', 'libvpx', ...common, '-cpu-used', '-8', '-auto-alt-ref', '0', '-b:v', `${kbps}k`, '-crf', '10', '-qmin', '4', '-qmax', '40'];
  }
  return ['-c:v', 'libvpx-vp9', ...common, '-cpu-used', '8', '-row-mt', '1', '-tile-columns', '1', '-b:v', '0', '-crf', '30'];
}

/** Frames in flight between the renderer and ffmpeg's pipe. */
const POOL = 3;

/** Streams raw yuva420p frames (in Matroska) and a WAV into ffmpeg, which writes a transparent WebM with Opus. */
export interface EncodeStats {
  /** Frames piped to ffmpeg; the others repeated the previous picture. */
  sentFrames: number;
  /** ffmpeg's own user + system CPU seconds. */
  ffmpegCpuSec: number;
}

export function encodeWebm(o: WebmEncodeOptions): Promise<EncodeStats> {
  const { source, fps } = o;
  const codec = o.codec ?? 'vp9';
  const frameBytes = yuvaFrameBytes(source.width, source.height);
  const args = [
    // Info level only for the closing `-benchmark` line (ffmpeg's own CPU time); -nostats drops the progress lines.
    '-hide_banner', '-nostats', '-loglevel', 'info', '-benchmark', '-nostdin', '-y',
    '-f', 'matroska', '-i', 'pipe:0',
    '-i', o.audioFile,
    '-map', '0:v:0', '-map', '1:a:0',
    ...videoCodecArgs(codec, source.width, source.height),
    '-r', String(fps), '-frames:v', String(source.frames),
    '-c:a', 'libopus', '-b:a', '64k', '-ar', '48000', '-ac', '1',
    '-map_metadata', '-1', '-map_chapters', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact',
    ...(o.audioTitle ? ['-metadata:s:a:0', `title=${o.audioTitle}`] : []),
    '-f', 'webm', o.outFile,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), args, { stdio: ['pipe', 'ignore', 'pipe'], env: envWithoutSecrets() });
    let err = '';
    let stopped = false;
    let renderError: unknown;
    child.stderr.on('data', (d: Buffer) => {
      err = (err + d.toString()).slice(-16000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (renderError) reject(renderError instanceof Error ? renderError : new Error(String(renderError)));
      else if (code === 0) {
        const m = /utime=([\d.]+)s stime=([\d.]+)s/.exec(err);
        resolve({ sentFrames: sent, ffmpegCpuSec: m ? Number(m[1]) + Number(m[2]) : NaN });
      }
      else reject(new Error(`ffmpeg (webm encode) exited with ${code}: ${err.trim().split('\n').slice(-8).join('\n')}`));
    });
    child.stdin.on('error', () => {
      stopped = true;
    });
    const pool: Uint8Array[] = [];
    for (let k = 0; k < POOL; k++) pool.push(new Uint8Array(frameBytes));
    let i = 0;
    let sent = 0;
    const pump = (): void => {
      while (i < source.frames && !stopped) {
        // A repeated picture is not sent (`-r` makes ffmpeg repeat it); the last frame always is, to end the stream on time.
        if (i > 0 && i < source.frames - 1 && source.key(i) === source.key(i - 1)) {
          i++;
          continue;
        }
        const buf = pool.pop();
        if (!buf) return;
        try {
          source.render(i, buf);
        } catch (e) {
          renderError = e;
          stopped = true;
          child.kill('SIGKILL');
          return;
        }
        child.stdin.cork();
        child.stdin.write(rawMatroskaFramePrefix(i, fps, frameBytes));
        const ok = child.stdin.write(buf, () => {
          pool.push(buf);
          pump();
        });
        child.stdin.uncork();
        i++;
        sent++;
        if (!ok) return;
      }
      if (i >= source.frames && !child.stdin.writableEnded) child.stdin.end();
    };
    child.stdin.write(rawMatroskaHeader(source.width, source.height, fps));
    pump();
  });
}
