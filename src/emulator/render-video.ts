import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import type { ClipRequest, ClipResult } from './synth';
import { ffmpegPath, runBinary } from '../media/ffmpeg';
import type { VideoJob } from './video-job';

export type Synthesize = (req: ClipRequest, outFile: string) => Promise<ClipResult>;

export interface Cue {
  text: string;
  start: number;
  end: number;
}

export function srtTime(sec: number): string {
  const ms = Math.max(0, Math.round(sec * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)},${pad(ms % 1000, 3)}`;
}

export function cuesToSrt(cues: Cue[]): string {
  return cues.map((c, i) => `${i + 1}\n${srtTime(c.start)} --> ${srtTime(c.end)}\n${c.text}\n`).join('\n');
}

/**
 * Renders a job's file: one scene straight from the synthesizer (WebM), several scenes joined and, for MP4
 * output, re-encoded to H.264/AAC. Returns the duration and an SRT of the words spoken.
 */
export async function renderVideo(job: VideoJob, synthesize: Synthesize, outFile: string): Promise<{ durationSec: number; srt: string }> {
  const first = job.scenes[0];
  if (job.scenes.length === 1 && first && job.outputFormat === 'webm') {
    const result = await synthesize(first.clip, outFile);
    return { durationSec: result.durationSec, srt: result.srt };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'emulator-render-'));
  try {
    const parts: string[] = [];
    const cues: Cue[] = [];
    let offset = 0;
    for (const [i, scene] of job.scenes.entries()) {
      const part = path.join(dir, `scene-${i}.webm`);
      const result = await synthesize(scene.clip, part);
      for (const w of result.words) cues.push({ text: w.word, start: offset + w.start, end: offset + w.end });
      offset += result.durationSec;
      parts.push(part);
    }
    const list = path.join(dir, 'scenes.txt');
    await writeFile(list, parts.map((p) => `file '${p}'`).join('\n'));
    const codec = job.outputFormat === 'mp4' ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'] : ['-c', 'copy'];
    await runBinary(ffmpegPath(), ['-y', '-v', 'error', '-f', 'concat', '-safe', '0', '-i', list, ...codec, outFile]);
    return { durationSec: offset, srt: cuesToSrt(cues) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
