import { createCanvas, loadImage } from '@napi-rs/canvas';
import { readFile } from 'node:fs/promises';

export interface Rgba {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export async function readPng(file: string): Promise<Rgba> {
  const img = await loadImage(await readFile(file));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
}

/** Mean absolute difference of the RGB channels, as a fraction of full scale (0 = identical, 1 = inverted). */
export function meanAbsDiff(a: Rgba, b: Rgba, region?: { x: number; y: number; width: number; height: number }): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  const r = region ?? { x: 0, y: 0, width: a.width, height: a.height };
  let sum = 0;
  let n = 0;
  for (let y = Math.max(0, Math.round(r.y)); y < Math.min(a.height, Math.round(r.y + r.height)); y++) {
    for (let x = Math.max(0, Math.round(r.x)); x < Math.min(a.width, Math.round(r.x + r.width)); x++) {
      const i = (y * a.width + x) * 4;
      sum += Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
      n += 3;
    }
  }
  return n ? sum / n / 255 : 0;
}
