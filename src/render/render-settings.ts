import os from 'node:os';
import type { FormatId } from '../spec/formats';
import { CODECS, type CodecChoice, type X264Preset } from './render-options';

/** How the presenter clip is decoded in the browser (see remotion/components/PresenterTrack.tsx). */
export type PresenterPlayer = 'media' | 'offthread';

/** Everything that decides how a render is made (not what it shows): one type for render, video, batch, benches and tests. */
export interface RenderSettings {
  codec: CodecChoice;
  /** A format id from formats.ts that replaces the spec's own. */
  preset?: FormatId;
  scale: number;
  crf?: number;
  /** Browser tabs rendering frames at once (see defaultConcurrency); null lets Remotion choose (half the cores). */
  concurrency: number | null;
  /**
   * Render K frame ranges side by side and join them (the local form of a Lambda render); 1 = one piece; 'auto' = one
   * range per tab where the video is long enough (see autoChunks).
   */
  chunks: number | 'auto';
  /** Frame screenshots: JPEG for opaque output, PNG where the output keeps alpha or is for editing (ProRes). */
  imageFormat: 'jpeg' | 'png';
  jpegQuality: number;
  presenterPlayer: PresenterPlayer;
  /** libx264's speed/size trade-off for H.264 output (ignored by other codecs). */
  x264Preset: X264Preset;
}

export type RenderSettingsInput = Partial<RenderSettings>;

/**
 * Browser tabs by default: Remotion's own choice (half the cores, at most 8) but at least 2 where there are 2 cores.
 * One tab leaves a core of two idle much of each frame (the page waits on the compositor, the screenshot on the
 * encoder): on 2 cores, 2 tabs rendered the 1080p example 1.23x the frames/s of one tab, 1.35x on ranges of their own
 * (`npm run bench:render -- --sweep`, load average 2-3). Above 2 cores the measured case is missing, so Remotion's
 * choice stands.
 */
export function defaultConcurrency(cores: number = os.availableParallelism()): number {
  return Math.min(cores, Math.max(2, remotionConcurrency(cores)));
}

/** What Remotion picks for `concurrency: null` (its resolveConcurrency): half the cores, 1 to 8. */
function remotionConcurrency(cores: number = os.availableParallelism()): number {
  return Math.round(Math.min(8, Math.max(1, cores / 2)));
}

/**
 * The defaults a render gets when no flag says otherwise, from `npm run bench:render -- --sweep` on 2 cores at 1080p:
 * JPEG frames at quality 80 (PNG: 0.57x the frames/s; quality 60 was no faster beyond the noise), every core busy
 * (defaultConcurrency, each tab on a range of its own: autoChunks), and the presenter through @remotion/media's
 * <Video> (1.10x the time per frame of the same frames without a presenter, OffthreadVideo 1.35x; README Performance).
 */
export const DEFAULT_RENDER_SETTINGS: Omit<RenderSettings, 'imageFormat'> = {
  codec: CODECS.h264,
  scale: 1,
  concurrency: defaultConcurrency(),
  chunks: 'auto',
  jpegQuality: 80,
  presenterPlayer: 'media',
  // bench (1080p example, 90 frames, CPU time of the whole render): medium 122 ms a frame, veryfast 115 ms with a file
  // no larger at the same CRF, ultrafast 105 ms but a 3.6x larger file.
  x264Preset: 'veryfast',
};

/**
 * A range shorter than this is not worth its own tab: each range costs a render set-up (composition, tab, encoder)
 * and a join; below it the tabs share one range instead.
 */
export const AUTO_CHUNK_MIN_FRAMES = 90;

/**
 * How many frame ranges 'auto' renders side by side: one per tab while each gets AUTO_CHUNK_MIN_FRAMES. With
 * interleaved frames of one range (Remotion's way) @remotion/media decodes the presenter clip in one tab and hands
 * each frame to the others; tabs on ranges of their own each decode their own part. Measured on the 1080p example
 * with 2 tabs: 1.09x the frames/s of interleaved tabs and 6% less CPU a frame (README, Performance).
 */
export function autoChunks(frames: number, tabs: number): number {
  return Math.max(1, Math.min(tabs, Math.floor(frames / AUTO_CHUNK_MIN_FRAMES)));
}

/**
 * The number of ranges a render of `frames` frames is split into under these settings. 'auto' splits H.264 only (the
 * measured and tested path: MPEG-TS chunks joined without re-encoding); other codecs keep one range unless a number
 * is given.
 */
export function chunkCount(settings: Pick<RenderSettings, 'chunks' | 'concurrency' | 'codec'>, frames: number): number {
  if (settings.chunks !== 'auto') return settings.chunks;
  if (settings.codec.codec !== 'h264') return 1;
  return autoChunks(frames, settings.concurrency ?? remotionConcurrency());
}

/** The settings before this project tuned them (Remotion's defaults, OffthreadVideo): the "old path" of the benches. */
export const LEGACY_RENDER_SETTINGS: RenderSettingsInput = { concurrency: null, chunks: 1, jpegQuality: 80, presenterPlayer: 'offthread', x264Preset: 'medium' };

/** Fills in defaults; the image format follows the codec unless given. Undefined fields count as not given. */
export function renderSettings(...inputs: (RenderSettingsInput | undefined)[]): RenderSettings {
  const given: RenderSettingsInput = {};
  for (const input of inputs) {
    for (const [k, v] of Object.entries(input ?? {})) if (v !== undefined) (given as Record<string, unknown>)[k] = v;
  }
  const codec = given.codec ?? DEFAULT_RENDER_SETTINGS.codec;
  return { ...DEFAULT_RENDER_SETTINGS, imageFormat: codec.imageFormat, ...given, codec };
}
