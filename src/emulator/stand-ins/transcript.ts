import { readFile } from 'node:fs/promises';
import type { EmulatorContext } from '../emulator-context';
import type { AssetBytes } from '../asset-input';
import type { Cue } from '../render-video';
import { HttpError } from '../http-error';
import { sha256 } from '../remember-render';
import { parseSrt } from './srt-cues';

/**
 * What a video says, offline: the SRT sent with it, else the words of a video the emulator made itself, else one
 * sentence saying so (the emulator has no speech recognition).
 */
export async function transcriptOf(ctx: EmulatorContext, video: AssetBytes, srt: AssetBytes | undefined, param: string): Promise<Cue[]> {
  if (srt) {
    try {
      return parseSrt(srt.bytes.toString('utf8'));
    } catch (error) {
      throw new HttpError(400, `${param} is not a SubRip file: ${(error as Error).message}`, { code: 'invalid_parameter', param });
    }
  }
  const own = ctx.state.renderedByHash.get(sha256(video.bytes));
  if (own?.srtFile) {
    const cues = parseSrt(await readFile(own.srtFile, 'utf8'));
    if (cues.length) return cues;
  }
  return [{ text: 'This video was translated offline by the HeyGen emulator.', start: 0, end: 3 }];
}
