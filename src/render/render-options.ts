import type { AudioCodec } from '@remotion/renderer';
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

export class OptionError extends Error {
  override name = 'OptionError';
}

export function parseCodec(value: string | undefined): CodecChoice {
  if (value === undefined) return CODECS.h264;
  const choice = CODECS[value as OutputCodec];
  if (!choice) throw new OptionError(`--codec ${value} is not supported; use one of ${Object.keys(CODECS).join(', ')}`);
  return choice;
}

export function parsePreset(value: string | undefined): FormatId | undefined {
  if (value === undefined) return undefined;
  if (!(FORMAT_IDS as readonly string[]).includes(value)) throw new OptionError(`--preset ${value} is not a format; use one of ${FORMAT_IDS.join(', ')}`);
  return value as FormatId;
}

/** A number option, checked against its range; the message names the flag and what it accepts. */
export function parseNumber(flag: string, value: string | undefined, opts: { min: number; max: number; integer?: boolean }): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < opts.min || n > opts.max || (opts.integer && !Number.isInteger(n))) {
    throw new OptionError(`--${flag} ${value} is not valid; use ${opts.integer ? 'a whole number' : 'a number'} from ${opts.min} to ${opts.max}`);
  }
  return n;
}

/** The render flags shared by `render` and `batch`, checked in one place; unset flags stay undefined (defaults apply later). */
export function parseRenderFlags(values: { preset?: string; codec?: string; crf?: string; scale?: string; concurrency?: string; chunks?: string; 'image-format'?: string; 'jpeg-quality'?: string; presenter?: string }): RenderSettingsInput & { codec: CodecChoice } {
  const codec = parseCodec(values.codec);
  const crfMax = codec.codec === 'h264' || codec.codec === 'h265' ? 51 : 63;
  if (codec.codec === 'prores' && values.crf !== undefined) throw new OptionError('--crf does not apply to prores; drop it');
  const imageFormat = values['image-format'];
  if (imageFormat !== undefined && imageFormat !== 'jpeg' && imageFormat !== 'png') throw new OptionError(`--image-format ${imageFormat} is not supported; use jpeg or png`);
  const presenter = values.presenter;
  if (presenter !== undefined && presenter !== 'media' && presenter !== 'offthread') throw new OptionError(`--presenter ${presenter} is not a player; use media or offthread`);
  return {
    preset: parsePreset(values.preset),
    codec,
    crf: parseNumber('crf', values.crf, { min: 0, max: crfMax, integer: true }),
    scale: parseNumber('scale', values.scale, { min: 0.05, max: 4 }),
    concurrency: parseNumber('concurrency', values.concurrency, { min: 1, max: 64, integer: true }),
    chunks: parseNumber('chunks', values.chunks, { min: 1, max: 64, integer: true }),
    imageFormat,
    jpegQuality: parseNumber('jpeg-quality', values['jpeg-quality'], { min: 1, max: 100, integer: true }),
    presenterPlayer: presenter,
  };
}
