import { createCanvas, loadImage } from '@napi-rs/canvas';
import { ffmpegPath, runBinary } from '../../src/media/ffmpeg';

export interface Frame {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  pixel(x: number, y: number): [number, number, number, number];
}

/** Decodes one frame at `timeSec` to RGBA; `alphaDecoder` decodes VP8/VP9 alpha (libvpx must be chosen before -i). */
export async function frameAt(file: string, timeSec: number, opts: { alphaDecoder?: 'libvpx' | 'libvpx-vp9' } = {}): Promise<Frame> {
  const args = ['-v', 'error', '-ss', timeSec.toFixed(3)];
  if (opts.alphaDecoder) args.push('-c:v', opts.alphaDecoder);
  args.push('-i', file, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-');
  const { stdout } = await runBinary(ffmpegPath(), args);
  const img = await loadImage(stdout);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  return {
    width: img.width,
    height: img.height,
    data,
    pixel(x, y) {
      const i = (Math.round(y) * img.width + Math.round(x)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    },
  };
}
