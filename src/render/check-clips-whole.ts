import { stat } from 'node:fs/promises';
import path from 'node:path';
import { measureDuration } from '../media/measure-duration';
import type { ClipEntry } from '../spec/manifest';

/**
 * Refuses a scene clip on disk that is shorter or smaller than its manifest entry recorded (truncated, half-copied,
 * replaced): rendered, it would make a video whose presenter stops half-way. Tolerance: two frames of the clip.
 */
export async function checkClipsWhole(opts: { root: string; specFile: string; clips: (ClipEntry | null)[] }): Promise<void> {
  for (const clip of opts.clips) {
    if (!clip) continue;
    const file = path.join(opts.root, 'public', clip.file);
    const fix = `run \`npm run prebuild -- ${opts.specFile}\`: it downloads the clip again (no new generation).`;
    const size = await stat(file).then((s) => s.size, () => -1);
    if (size < 0) throw new Error(`${file}: the scene clip is missing; ${fix}`);
    if (clip.sizeBytes > 0 && size !== clip.sizeBytes) {
      throw new Error(`${file}: the scene clip is ${size} bytes, its manifest entry recorded ${clip.sizeBytes} (truncated or replaced); ${fix}`);
    }
    const measured = await measureDuration(file).catch(() => ({ videoSec: 0 }));
    if (measured.videoSec < clip.durationSec - 2 / clip.fps) {
      throw new Error(`${file}: the scene clip plays ${measured.videoSec.toFixed(2)} s, its manifest entry recorded ${clip.durationSec.toFixed(2)} s (truncated); ${fix}`);
    }
  }
}
