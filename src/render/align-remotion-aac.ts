import { closeSync, openSync, readSync } from 'node:fs';

/** Samples of silence ffmpeg's AAC encoder puts before the sound, as measured in Remotion's ADTS track (see mux-audio.ts). */
export const AAC_PRIMING_SAMPLES = 2048;

const ADTS_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

/** The sample rate in an ADTS file's first header, or null when the file is not ADTS. */
export function adtsSampleRate(file: string): number | null {
  const head = Buffer.alloc(7);
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    if (readSync(fd, head, 0, 7, 0) < 7) return null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
  if (head[0] !== 0xff || (head[1]! & 0xf0) !== 0xf0) return null;
  return ADTS_RATES[(head[2]! >> 2) & 0x0f] ?? null;
}

/**
 * For Remotion's own renders (Studio's Render button, `npx remotion render`; remotion.config.ts installs it): its
 * stitcher copies an ADTS AAC track into the MP4, which carries no priming info, so the voice plays 43 ms late.
 * Starting that input AAC_PRIMING_SAMPLES early makes ffmpeg write the MP4 edit list that `npm run render` gets from
 * muxAudio (src/render/mux-audio.ts), so both put the voice on the same frame. Other commands pass unchanged.
 */
export function alignRemotionAac(info: { type: 'pre-stitcher' | 'stitcher'; args: string[] }, sampleRateOf = adtsSampleRate): string[] {
  const { type, args } = info;
  if (type !== 'stitcher') return args;
  const i = args.findIndex((a, k) => a === '-i' && args[k + 2] === '-c:a' && args[k + 3] === 'copy' && /\.aac$/i.test(args[k + 1] ?? ''));
  if (i < 0) return args;
  const rate = sampleRateOf(args[i + 1]!);
  if (!rate) return args;
  return [...args.slice(0, i), '-itsoffset', (-AAC_PRIMING_SAMPLES / rate).toFixed(6), ...args.slice(i)];
}
