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
  /** Browser tabs rendering frames at once; null lets Remotion choose (half the cores). */
  concurrency: number | null;
  /** Render K frame ranges side by side and join them (the local form of a Lambda render); 1 = one piece. */
  chunks: number;
  /** Frame screenshots: JPEG for opaque output, PNG where the output keeps alpha or is for editing (ProRes). */
  imageFormat: 'jpeg' | 'png';
  jpegQuality: number;
  presenterPlayer: PresenterPlayer;
  /** libx264's speed/size trade-off for H.264 output (ignored by other codecs). */
  x264Preset: X264Preset;
}

export type RenderSettingsInput = Partial<RenderSettings>;

/**
 * The defaults a render gets when no flag says otherwise, from `npm run bench:render -- --sweep` on 2 cores at 1080p:
 * JPEG frames at quality 80 (PNG: 0.5-0.7x the frames/s; quality 60 was no faster beyond the noise), concurrency
 * left to Remotion (half the cores: 1 here, where 2 tabs measured no faster since the page and the encoder already
 * fill both cores; more cores get more tabs), and the presenter through @remotion/media's <Video> (1.12x the CPU time
 * per frame of the same frames without a presenter, OffthreadVideo 1.38x; see README Performance).
 */
export const DEFAULT_RENDER_SETTINGS: Omit<RenderSettings, 'imageFormat'> = {
  codec: CODECS.h264,
  scale: 1,
  concurrency: null,
  chunks: 1,
  jpegQuality: 80,
  presenterPlayer: 'media',
  // bench (1080p example, 90 frames, CPU time of the whole render): medium 122 ms a frame, veryfast 115 ms with a file
  // no larger at the same CRF, ultrafast 105 ms but a 3.6x larger file.
  x264Preset: 'veryfast',
};

/** The settings before this project tuned them (Remotion's defaults, OffthreadVideo): the "old path" of the benches. */
export const LEGACY_RENDER_SETTINGS: RenderSettingsInput = { concurrency: null, jpegQuality: 80, presenterPlayer: 'offthread', x264Preset: 'medium' };

/** Fills in defaults; the image format follows the codec unless given. Undefined fields count as not given. */
export function renderSettings(...inputs: (RenderSettingsInput | undefined)[]): RenderSettings {
  const given: RenderSettingsInput = {};
  for (const input of inputs) {
    for (const [k, v] of Object.entries(input ?? {})) if (v !== undefined) (given as Record<string, unknown>)[k] = v;
  }
  const codec = given.codec ?? DEFAULT_RENDER_SETTINGS.codec;
  return { ...DEFAULT_RENDER_SETTINGS, imageFormat: codec.imageFormat, ...given, codec };
}
