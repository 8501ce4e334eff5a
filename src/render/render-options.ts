import type { AudioCodec } from '@remotion/renderer';
import { FlagError, parseChoiceFlag, parseNumberFlag } from '../lib/cli-flags';
import { FORMAT_IDS, type FormatId } from '../spec/formats';
import type { RenderSettingsInput } from './render-settings';

export type OutputCodec = 'h264' | 'h265' | 'vp8' | 'vp9' | 'prores';

export interface CodecChoice {
  codec: OutputCodec;
  audioCodec: AudioCodec;
  extension: string;
  /** JPEG frames are faster for opaque output; ProRes is for editing, so it gets lossless PNG frames. */
  imageFormat: 'jpeg' | 'png';
}

/** One record per codec: the audio codec its container takes, the file extension and the frame format. */
export const CODECS: Record<OutputCodec, CodecChoice> = {
  h264: { codec: 'h264', audioCodec: 'aac', extension: 'mp4', imageFormat: 'jpeg' },
  h265: { codec: 'h265', audioCodec: 'aac', extension: 'mp4', imageFormat: 'jpeg' },
  vp8: { codec: 'vp8', audioCodec: 'opus', extension: 'webm', imageFormat: 'jpeg' },
  vp9: { codec: 'vp9', audioCodec: 'opus', extension: 'webm', imageFormat: 'jpeg' },
  prores: { codec: 'prores', audioCodec: 'pcm-16', extension: 'mov', imageFormat: 'png' },
};

/** Render flags throw the one command-line error (src/lib/cli-flags.ts); the scripts turn it into exit code 2. */
export { FlagError as OptionError } from '../lib/cli-flags';

export function parseCodec(value: string | undefined): CodecChoice {
  const codec = parseChoiceFlag('codec', value, Object.keys(CODECS) as OutputCodec[]);
  return codec ? CODECS[codec] : CODECS.h264;
}

export function parsePreset(value: string | undefined): FormatId | undefined {
  return parseChoiceFlag('preset', value, FORMAT_IDS);
}

/** A number option, checked against its range; the message names the flag, the value and what it accepts. */
export const parseNumber = parseNumberFlag;

/** libx264's presets, fastest first (--x264-preset). */
export const X264_PRESETS = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow', 'slower', 'veryslow'] as const;
export type X264Preset = (typeof X264_PRESETS)[number];

/** The flags of RenderSettings, as `render` and `batch` take them (see RENDER_FLAG_OPTIONS). */
export interface RenderFlagValues {
  preset?: string;
  codec?: string;
  crf?: string;
  scale?: string;
  concurrency?: string;
  chunks?: string;
  'image-format'?: string;
  'jpeg-quality'?: string;
  presenter?: string;
  'x264-preset'?: string;
}

/** parseArgs options of the render flags, shared by `render` and `batch`. */
export const RENDER_FLAG_OPTIONS = {
  preset: { type: 'string' },
  codec: { type: 'string' },
  crf: { type: 'string' },
  scale: { type: 'string' },
  concurrency: { type: 'string' },
  chunks: { type: 'string' },
  'image-format': { type: 'string' },
  'jpeg-quality': { type: 'string' },
  presenter: { type: 'string' },
  'x264-preset': { type: 'string' },
} as const;

/** The render flags shared by `render` and `batch`, checked in one place; unset flags stay undefined (defaults apply later). */
export function parseRenderFlags(values: RenderFlagValues): RenderSettingsInput & { codec: CodecChoice } {
  const codec = parseCodec(values.codec);
  const crfMax = codec.codec === 'h264' || codec.codec === 'h265' ? 51 : 63;
  if (codec.codec === 'prores' && values.crf !== undefined) throw new FlagError(`--crf ${JSON.stringify(values.crf)} does not apply to prores (lossless-ish by profile); drop it`);
  return {
    preset: parsePreset(values.preset),
    codec,
    crf: parseNumber('crf', values.crf, { min: 0, max: crfMax, integer: true }),
    scale: parseNumber('scale', values.scale, { min: 0.05, max: 4 }),
    concurrency: parseNumber('concurrency', values.concurrency, { min: 1, max: 64, integer: true }),
    chunks: values.chunks === 'auto' ? 'auto' : parseNumber('chunks', values.chunks, { min: 1, max: 64, integer: true }),
    imageFormat: parseChoiceFlag('image-format', values['image-format'], ['jpeg', 'png'] as const),
    jpegQuality: parseNumber('jpeg-quality', values['jpeg-quality'], { min: 1, max: 100, integer: true }),
    presenterPlayer: parseChoiceFlag('presenter', values.presenter, ['media', 'offthread'] as const),
    x264Preset: parseChoiceFlag('x264-preset', values['x264-preset'], X264_PRESETS),
  };
}
