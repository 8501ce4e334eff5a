import { writeFile } from 'node:fs/promises';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { ffmpegPath, runBinary } from '../media/ffmpeg';

/**
 * A JPEG thumbnail of one frame of a finished video, `width` pixels wide. Decoding the frame from the file costs a
 * fraction of a browser still (a page load and a screenshot) and shows exactly what the video shows. The compositor's
 * ffmpeg has no JPEG encoder, so it hands over a PNG and canvas encodes the JPEG.
 */
export async function thumbnailFromVideo(video: string, a: { frame: number; fps: number; width: number; output: string; quality?: number }): Promise<void> {
  const at = (a.frame / a.fps).toFixed(6);
  const { stdout } = await runBinary(ffmpegPath(), ['-v', 'error', '-ss', at, '-i', video, '-frames:v', '1', '-vf', `scale=${a.width}:-2:flags=bicubic`, '-f', 'image2pipe', '-c:v', 'png', '-']);
  if (!stdout.length) throw new Error(`${video}: no frame at ${at}s to make a thumbnail from`);
  const image = await loadImage(stdout);
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  await writeFile(a.output, await canvas.encode('jpeg', a.quality ?? 75));
}
