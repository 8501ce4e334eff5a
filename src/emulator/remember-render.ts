import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { EmulatorState } from './emulator-state';
import type { VideoJob } from './video-job';

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Remembers a finished video by its file's hash, so the same bytes uploaded again are known as the emulator's own. */
export async function rememberRender(state: EmulatorState, job: VideoJob): Promise<void> {
  if (!job.videoFile) return;
  const bytes = await readFile(job.videoFile).catch(() => undefined);
  if (bytes) state.renderedByHash.set(sha256(bytes), job);
}
