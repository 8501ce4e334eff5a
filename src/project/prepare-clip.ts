import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { largestPresenterDraw } from '../../remotion/shared/presenter-draw-size';
import { ffmpegPath, ffprobe, runBinary } from '../media/ffmpeg';
import type { ClipEntry } from '../spec/manifest';
import { hashFile } from './project-files';

/** Below this share of the original's width a prepared copy is not worth a second file. */
const WORTH_IT = 0.9;

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/**
 * The size a clip is prepared at: the largest any template draws a clip of its aspect at (so no render ever scales it
 * up), or null when the clip is not meaningfully larger than that.
 */
export function preparedSize(entry: Pick<ClipEntry, 'width' | 'height'>): { width: number; height: number } | null {
  const drawn = largestPresenterDraw(entry.width / entry.height);
  if (drawn.width >= entry.width * WORTH_IT) return null;
  const width = even(Math.ceil(drawn.width));
  return { width, height: even((width * entry.height) / entry.width) };
}

export type PrepareOutcome = 'not-needed' | 'kept' | 'reused' | 'made';

/**
 * Gives a stored presenter clip its prepared copy (clips/prepared/<content hash>-<w>x<h>.webm: VP9 with the alpha
 * kept, every frame at its own timestamp, the audio copied bit for bit), unless the entry already has one on disk.
 * Returns the entry to store and what was done. A file made earlier for the same content and size is reused.
 */
export async function prepareClip(publicDir: string, entry: ClipEntry): Promise<{ entry: ClipEntry; outcome: PrepareOutcome }> {
  const size = preparedSize(entry);
  if (!size) return { entry: withoutPrepared(entry), outcome: 'not-needed' };
  const p = entry.prepared;
  if (p && p.width === size.width && p.height === size.height && existsSync(path.join(publicDir, p.file))) return { entry, outcome: 'kept' };
  const source = path.join(publicDir, entry.file);
  const hash = (await hashFile(source)).slice(0, 20);
  const file = `clips/prepared/${hash}-${size.width}x${size.height}.webm`;
  const target = path.join(publicDir, file);
  const prepared = { ...entry, prepared: { file, ...size } };
  if (existsSync(target)) return { entry: prepared, outcome: 'reused' };
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.part-${process.pid}.webm`;
  try {
    const video = (await ffprobe(source)).streams.find((s) => s.codec_type === 'video');
    // libvpx decoders, not ffmpeg's native ones: only they return the alpha plane.
    const decoder = video?.codec_name === 'vp8' ? 'libvpx' : 'libvpx-vp9';
    await runBinary(ffmpegPath(), [
      '-v', 'error', '-y', '-c:v', decoder, '-i', source,
      '-map', '0:v:0', '-map', '0:a?', '-fps_mode', 'passthrough',
      '-vf', `scale=${size.width}:${size.height}:flags=lanczos,format=yuva420p`,
      '-c:v', 'libvpx-vp9', '-pix_fmt', 'yuva420p', '-crf', '18', '-b:v', '0', '-deadline', 'realtime', '-cpu-used', '8', '-row-mt', '1',
      '-c:a', 'copy', partial,
    ]);
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  return { entry: prepared, outcome: 'made' };
}

function withoutPrepared(entry: ClipEntry): ClipEntry {
  if (!entry.prepared) return entry;
  const { prepared: _dropped, ...rest } = entry;
  return rest;
}
