import { createCanvas, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { blitYuva, copyYuvaRect, rgbaToYuva, yuvaView, type Yuva } from './yuva';
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

/** Background plus patches in reused buffers: only background that will not be overwritten is restored. */
export class PatchedFrames {
  private readonly base: Yuva;
  private readonly dirty = new WeakMap<Uint8Array, Rect[]>();

  constructor(
    private readonly baseBytes: Uint8Array,
    private readonly width: number,
    private readonly height: number,
  ) {
    this.base = yuvaView(baseBytes, width, height);
  }

  /** Resets `out` to the background, skipping areas inside `covered` (this frame rewrites them entirely). */
  begin(out: Uint8Array, covered: Rect[] = []): Yuva {
    const frame = yuvaView(out, this.width, this.height);
    const rects = this.dirty.get(out);
    if (!rects) out.set(this.baseBytes);
    else {
      for (const r of rects) {
        const inside = covered.some((c) => r.x >= c.x && r.y >= c.y && r.x + r.width <= c.x + c.width && r.y + r.height <= c.y + c.height);
        if (!inside) copyYuvaRect(frame, this.base, r.x, r.y, r.width, r.height);
      }
    }
    this.dirty.set(out, []);
    return frame;
  }

  /** Copies a patch into the frame and remembers the area for the next reuse of this buffer. */
  blit(out: Uint8Array, frame: Yuva, patch: Yuva, x: number, y: number): void {
    blitYuva(frame, patch, x, y);
    this.dirty.get(out)?.push({ x, y, width: patch.width, height: patch.height });
  }
}

/** Paints `image` over the whole frame behind what is already drawn (canvas space; call after the foreground). */
export function drawBehind(ctx: SKRSContext2D, image: Image, width: number, height: number): void {
  ctx.save();
  ctx.globalCompositeOperation = 'destination-over';
  ctx.drawImage(image, 0, 0, width, height);
  ctx.restore();
}
