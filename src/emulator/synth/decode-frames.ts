import { ffmpegPath, ffprobe, runBinary } from '../../media/ffmpeg';
import { decodePng, splitPngStream, type RgbaImage } from './png';

export interface DecodeOptions {
  /** First frame time in seconds (default 0). */
  start?: number;
  /** How many frames to decode (default all). */
  count?: number;
  /** Scale the decoded frames to this size (e.g. to mimic a compositor's downscale). */
  scaleTo?: { width: number; height: number };
}

/** Decodes frames to RGBA; libvpx is forced before `-i` because ffmpeg's native VP8/VP9 decoders drop the alpha. */
export async function decodeFrames(file: string, opts: DecodeOptions = {}): Promise<RgbaImage[]> {
  const probe = await ffprobe(file);
  const v = probe.streams.find((s) => s.codec_type === 'video');
  if (!v) throw new Error(`${file} has no video stream`);
  const forced = v.codec_name === 'vp9' ? ['-c:v', 'libvpx-vp9'] : v.codec_name === 'vp8' ? ['-c:v', 'libvpx'] : [];
  const filters = ['format=rgba'];
  if (opts.scaleTo) filters.unshift(`scale=${opts.scaleTo.width}:${opts.scaleTo.height}:flags=bilinear`);
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin'];
  if (opts.start) args.push('-ss', String(opts.start));
  args.push(...forced, '-i', file, '-map', '0:v:0', '-vf', filters.join(','));
  if (opts.count !== undefined) args.push('-frames:v', String(opts.count));
  args.push('-c:v', 'png', '-compression_level', '1', '-f', 'image2pipe', 'pipe:1');
  const { stdout } = await runBinary(ffmpegPath(), args);
  return splitPngStream(stdout).map(decodePng);
}
