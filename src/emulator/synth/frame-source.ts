import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { rgbaToYuva, type Yuva } from './yuva';
import type { Rect } from './figure';

/** Produces the packed yuva420p bytes of each frame of a clip. */
export interface FrameSource {
  width: number;
  height: number;
  frames: number;
  /** Fills `out` (yuvaFrameBytes long) with frame i. */
  render(i: number, out: Uint8Array): void;
  /** Equal keys mean identical pictures, so the encoder may send the frame once and let ffmpeg repeat it. */
  key(i: number): string;
  /** How many distinct pictures were drawn (for benchmarks: the rest came from caches). */
  drawn(): number;
}

/** Draws a region of the canvas-space picture with `draw` and converts it to YUVA. */
export function drawRegion(rect: Rect, draw: (ctx: SKRSContext2D) => void): Yuva {
  const canvas = createCanvas(rect.width, rect.height);
  const ctx = canvas.getContext('2d');
  ctx.translate(-rect.x, -rect.y);
  draw(ctx);
  const img = ctx.getImageData(0, 0, rect.width, rect.height);
  return rgbaToYuva(img.data, rect.width, rect.height);
}
