import path from 'node:path';
import { measureDuration } from '../media/measure-duration';

/**
 * Refuses a rendered file that does not play as long as its composition (an encoder or muxer that stopped
 * half-way): the render must never exit 0 with a video that stops early. Tolerance: two frames; audio included.
 */
export async function checkOutputWhole(opts: { file: string; outFile: string; frames: number; fps: number }): Promise<void> {
  const expected = opts.frames / opts.fps;
  const tolerance = 2 / opts.fps;
  const name = path.basename(opts.outFile);
  const measured = await measureDuration(opts.file).catch((err: Error) => {
    throw new Error(`${opts.outFile}: the rendered file cannot be read (${err.message.split('\n').pop()}); expected ${opts.frames} frames (${expected.toFixed(2)} s). Render it again.`);
  });
  if (Math.abs(measured.videoSec - expected) > tolerance) {
    throw new Error(`${opts.outFile}: the rendered video plays ${measured.videoSec.toFixed(2)} s, expected ${opts.frames} frames (${expected.toFixed(2)} s); ${name} was not written. Render it again.`);
  }
  if (measured.audioSec !== null && measured.audioSec < expected - tolerance) {
    throw new Error(`${opts.outFile}: the rendered audio stops at ${measured.audioSec.toFixed(2)} s, expected ${expected.toFixed(2)} s; ${name} was not written. Render it again.`);
  }
}
