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
    const cues = sentences(parseSrt(await readFile(own.srtFile, 'utf8')));
    if (cues.length) return cues;
  }
  return [{ text: 'This video was translated offline by the HeyGen emulator.', start: 0, end: 3 }];
}

/** Word cues joined into sentences (a sentence end or a pause closes one), so each is spoken as a whole. */
export function sentences(cues: Cue[]): Cue[] {
  const out: Cue[] = [];
  let open: Cue | undefined;
  for (const c of cues) {
    if (open && c.start - open.end > 0.6) {
      out.push(open);
      open = undefined;
    }
    open = open ? { text: `${open.text} ${c.text}`, start: open.start, end: c.end } : { ...c };
    if (/[.!?]["')\]]*$/.test(c.text)) {
      out.push(open);
      open = undefined;
    }
  }
  if (open) out.push(open);
  return out;
}
