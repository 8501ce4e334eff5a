import { createRequire } from 'node:module';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { envWithoutSecrets } from '../lib/secrets';

const require = createRequire(import.meta.url);

// Remotion ships a cut-down ffmpeg 7.1 with every install (no rawvideo demuxer, no overlay/draw filters):
// using it means the project needs no system ffmpeg.
function compositorDir(): string {
  const pkg = `@remotion/compositor-${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : process.platform === 'win32' ? '-msvc' : ''}`;
  try {
    return path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    throw new Error(`Remotion's compositor package ${pkg} is not installed; run \`npm ci\` (it ships ffmpeg and ffprobe).`);
  }
}

export function ffmpegPath(): string {
  return process.env.FFMPEG_PATH ?? path.join(compositorDir(), process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg');
}

export function ffprobePath(): string {
  return process.env.FFPROBE_PATH ?? path.join(compositorDir(), process.platform === 'win32' ? 'ffprobe.exe' : 'ffprobe');
}

export interface RunResult {
  stdout: Buffer;
  stderr: string;
}

/** Runs a binary to completion; rejects with its stderr tail when it exits non-zero. */
export function runBinary(bin: string, args: string[], input?: Buffer): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'], env: envWithoutSecrets() });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.length > 64_000) err = err.slice(-32_000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ stdout: Buffer.concat(out), stderr: err });
      else reject(new Error(`${path.basename(bin)} ${args.slice(0, 6).join(' ')}… exited with ${code}: ${err.trim().split('\n').slice(-5).join('\n')}`));
    });
    child.stdin.on('error', () => {});
    if (input) child.stdin.end(input);
    else child.stdin.end();
  });
}

export interface ProbeStream {
  index: number;
  codec_type: 'video' | 'audio' | string;
  codec_name: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  duration?: string;
  nb_frames?: string;
  sample_rate?: string;
  channels?: number;
  tags?: Record<string, string>;
}

export interface ProbeResult {
  streams: ProbeStream[];
  format: { duration?: string; format_name: string; size?: string; tags?: Record<string, string> };
}

export async function ffprobe(file: string): Promise<ProbeResult> {
  const { stdout } = await runBinary(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file]);
  return JSON.parse(stdout.toString()) as ProbeResult;
}
