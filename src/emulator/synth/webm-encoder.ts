import { spawn } from 'node:child_process';
import path from 'node:path';
import { ffmpegPath } from '../../media/ffmpeg';

export type VideoCodec = 'vp8' | 'vp9';

export interface WebmEncodeOptions {
  /** Size of the frames piped in. */
  srcWidth: number;
  srcHeight: number;
  /** Output size (frames are scaled when it differs from the source size). */
  width: number;
  height: number;
  fps: number;
  frames: number;
  /** PNG bytes of frame i (cached buffers may repeat). */
  frameAt: (i: number) => Buffer;
  /** WAV or MP3 file holding exactly frames/fps seconds of audio. */
  audioFile: string;
  outFile: string;
  codec?: VideoCodec;
}

function videoArgs(codec: VideoCodec, width: number, height: number): string[] {
  const common = ['-pix_fmt', 'yuva420p', '-deadline', 'realtime', '-cpu-used', '8', '-threads', '2', '-g', '250'];
  // Quality scales with area: a fixed bitrate per pixel keeps 4K and 720p equally clean.
  const kbps = Math.round((width * height * 25 * 0.06) / 1000);
  if (codec === 'vp8') return ['-c:v', 'libvpx', ...common, '-auto-alt-ref', '0', '-b:v', `${kbps}k`, '-crf', '10', '-qmin', '4', '-qmax', '40'];
  // Constant quality: bitrate-capped modes left alpha 1 in flat background blocks.
  return ['-c:v', 'libvpx-vp9', ...common, '-row-mt', '1', '-b:v', '0', '-crf', '30'];
}

/** Encodes piped PNG frames plus an audio file into a transparent WebM (alpha_mode=1, Opus), reproducibly. */
export function encodeWebm(o: WebmEncodeOptions): Promise<void> {
  const codec = o.codec ?? 'vp9';
  const filters: string[] = [];
  if (o.srcWidth !== o.width || o.srcHeight !== o.height) filters.push(`scale=${o.width}:${o.height}:flags=bicubic`);
  filters.push('format=yuva420p');
  const args = [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
    '-f', 'image2pipe', '-c:v', 'png', '-framerate', String(o.fps), '-i', 'pipe:0',
    '-i', o.audioFile,
    '-map', '0:v:0', '-map', '1:a:0',
    '-vf', filters.join(','),
    ...videoArgs(codec, o.width, o.height),
    '-frames:v', String(o.frames),
    '-c:a', 'libopus', '-b:a', '64k', '-ar', '48000', '-ac', '1',
    '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact',
    '-f', 'webm', o.outFile,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    let failed = false;
    child.stderr.on('data', (d: Buffer) => {
      err = (err + d.toString()).slice(-8000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(ffmpegPath())} (webm encode) exited with ${code}: ${err.trim()}`));
    });
    child.stdin.on('error', () => {
      failed = true;
    });
    const write = (i: number): void => {
      while (i < o.frames && !failed) {
        const ok = child.stdin.write(o.frameAt(i));
        i++;
        if (!ok) {
          child.stdin.once('drain', () => write(i));
          return;
        }
      }
      child.stdin.end();
    };
    write(0);
  });
}
