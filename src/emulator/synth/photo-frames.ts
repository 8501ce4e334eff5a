import { loadImage, type Image } from '@napi-rs/canvas';
import { drawBehind, drawRegion, PatchedFrames, type FrameSource } from './frame-source';
import { frameMarkerRect, stampFrameMarker } from './frame-marker';
import type { Rect } from './figure';
import { createYuva, packYuva, yuvaFrameBytes, type Yuva } from './yuva';

export interface PhotoFramesOptions {
  width: number;
  height: number;
  photo: Buffer;
  frames: number;
  fps: number;
  /** Per-frame loudness 0–1, for a slight lift while speaking. */
  loudness: Float32Array;
  frameMarker?: boolean;
  /** drawn behind the photo over the whole frame */
  backdrop?: Image;
}

/** One slow zoom/sway cycle lasts this long; it is drawn in PHASES steps. */
const CYCLE_SEC = 10;
const PHASES = 50;
/** Cached patches beyond this size are redrawn on demand instead (4K photos). */
const CACHE_BYTES = 256 * 1024 * 1024;

/** The oval the photo is shown in: head-and-shoulders proportions, centred, resting on the bottom edge. */
export function photoOval(width: number, height: number): { cx: number; cy: number; rx: number; ry: number } {
  const ry = Math.min(height * 0.47, width * 0.62);
  const rx = Math.min(ry * 0.8, width * 0.48);
  return { cx: width / 2, cy: height - ry - height * 0.02, rx, ry };
}

function drawPhoto(img: Image, rect: Rect, oval: ReturnType<typeof photoOval>, phase: number, lift: number, backdrop?: { image: Image; width: number; height: number }): Yuva {
  const t = (phase / PHASES) * 2 * Math.PI;
  const zoom = 1.035 + 0.025 * Math.sin(t) + 0.01 * lift;
  const sx = oval.rx * 0.03 * Math.sin(2 * t + 1);
  const sy = oval.ry * 0.012 * Math.sin(t + 2) - oval.ry * 0.01 * lift;
  return drawRegion(rect, (ctx) => {
    // Cover-fit the photo to the oval's box, then zoom around the oval's centre.
    const boxW = oval.rx * 2;
    const boxH = oval.ry * 2;
    const s = Math.max(boxW / img.width, boxH / img.height) * zoom;
    const w = img.width * s;
    const h = img.height * s;
    ctx.drawImage(img, oval.cx - w / 2 + sx, oval.cy - h / 2 + sy, w, h);
    ctx.globalCompositeOperation = 'destination-in';
    ctx.save();
    ctx.translate(oval.cx, oval.cy);
    ctx.scale(oval.rx, oval.ry);
    const g = ctx.createRadialGradient(0, 0, 0.86, 0, 0, 1);
    g.addColorStop(0, 'rgba(0,0,0,1)');
    g.addColorStop(1, 'rgba(0,0,0,0)');
    ctx.fillStyle = g;
    ctx.fillRect(-1.1, -1.1, 2.2, 2.2);
    ctx.restore();
    if (backdrop) drawBehind(ctx, backdrop.image, backdrop.width, backdrop.height);
  });
}

/** A photo avatar: the uploaded picture in a soft-edged oval, slowly zooming and swaying, lifting a little with the voice. */
export async function photoFrames(o: PhotoFramesOptions): Promise<FrameSource> {
  const img = await loadImage(o.photo);
  if (!img.width || !img.height) throw new Error('photo could not be decoded (PNG or JPEG expected)');
  const { width, height } = o;
  const oval = photoOval(width, height);
  const even = (v: number, up: boolean) => 2 * (up ? Math.ceil(v / 2) : Math.floor(v / 2));
  const x0 = Math.max(0, even(oval.cx - oval.rx - 2, false));
  const y0 = Math.max(0, even(oval.cy - oval.ry - 2, false));
  const rect: Rect = { x: x0, y: y0, width: Math.min(width, even(oval.cx + oval.rx + 2, true)) - x0, height: Math.min(height, even(oval.cy + oval.ry + 2, true)) - y0 };
  const base = new Uint8Array(yuvaFrameBytes(width, height));
  const backdrop = o.backdrop ? { image: o.backdrop, width, height } : undefined;
  packYuva(backdrop ? drawRegion({ x: 0, y: 0, width, height }, (ctx) => drawBehind(ctx, backdrop.image, width, height)) : createYuva(width, height), base);
  const patched = new PatchedFrames(base, width, height);
  const covered = o.frameMarker ? [rect, frameMarkerRect(width, height)] : [rect];
  const cache = new Map<string, Yuva>();
  let cached = 0;
  let drawn = 0;
  let last: { key: string; patch: Yuva } | undefined;
  const stateKey = (i: number): string => {
    const phase = Math.round(((i / o.fps / CYCLE_SEC) * PHASES) % PHASES) % PHASES;
    return `${phase}:${Math.round(Math.min(1, o.loudness[i] ?? 0) * 2)}`;
  };
  return {
    width,
    height,
    frames: o.frames,
    drawn: () => drawn,
    key: (i) => (o.frameMarker ? `#${i}` : stateKey(i)),
    render(i, out) {
      const key = stateKey(i);
      const [phase = 0, lift = 0] = key.split(':').map(Number);
      let patch = last?.key === key ? last.patch : cache.get(key);
      if (!patch) {
        patch = drawPhoto(img, rect, oval, phase, lift / 2, backdrop);
        drawn++;
        const bytes = patch.y.length * 2 + patch.u.length * 2;
        if (cached + bytes <= CACHE_BYTES) {
          cache.set(key, patch);
          cached += bytes;
        }
      }
      last = { key, patch };
      const frame = patched.begin(out, covered);
      patched.blit(out, frame, patch, rect.x, rect.y);
      if (o.frameMarker) stampFrameMarker(frame, i, (p, x, y) => patched.blit(out, frame, p, x, y));
    },
  };
}
