import type { Image } from '@napi-rs/canvas';
import { drawFigure, eyesRect, figureLayout, headRect, mouthRect, type FigureState, type Rect } from './figure';
import { drawBehind, drawRegion, PatchedFrames, type FrameSource } from './frame-source';
import { frameMarkerRect, stampFrameMarker } from './frame-marker';
import type { Look } from './look';
import type { MotionTrack } from './motion';
import { packYuva, yuvaFrameBytes, type Yuva } from './yuva';

export interface FigureFramesOptions {
  width: number;
  height: number;
  look: Look;
  /** Per-frame mouth level 0..mouthLevels-1. */
  mouth: Uint8Array;
  mouthLevels: number;
  motion: MotionTrack;
  frameMarker?: boolean;
  /** drawn behind the figure over the whole frame */
  backdrop?: Image;
}

/** Head offset step in figure units, snapped to an even number of pixels. */
const HEAD_STEP = 0.005;

function assertOpaque(patch: Yuva, what: string): void {
  for (const a of patch.a) if (a !== 255) throw new Error(`${what} patch is not inside the face`);
}

/** The drawn presenter as a base frame plus head, mouth and eye patches, so each distinct picture is drawn once. */
export function figureFrames(o: FigureFramesOptions): FrameSource {
  const { width, height, look } = o;
  const layout = figureLayout(width, height);
  const stepPx = 2 * Math.max(1, Math.round((HEAD_STEP * layout.scale) / 2));
  let maxStep = 0;
  for (let i = 0; i < o.mouth.length; i++) maxStep = Math.max(maxStep, Math.abs(o.motion.headX[i] ?? 0), Math.abs(o.motion.headY[i] ?? 0));
  const full: Rect = { x: 0, y: 0, width, height };
  const head = headRect(layout, maxStep * stepPx, width, height);
  const mouthR = mouthRect(layout, width, height);
  const eyesR = eyesRect(layout, width, height);
  let drawn = 0;
  const draw = (rect: Rect, state: FigureState): Yuva => {
    drawn++;
    return drawRegion(rect, (ctx) => {
      drawFigure(ctx, look, state, layout);
      if (o.backdrop) drawBehind(ctx, o.backdrop, width, height);
    });
  };
  const neutral: FigureState = { mouth: 0, eyes: 0, headX: 0, headY: 0 };
  const base = new Uint8Array(yuvaFrameBytes(width, height));
  packYuva(draw(full, neutral), base);
  const patched = new PatchedFrames(base, width, height);
  // Every frame rewrites the head area (the mouth and eyes lie inside it) and the marker.
  const covered = o.frameMarker ? [head, frameMarkerRect(width, height)] : [head];
  const heads = new Map<string, Yuva>();
  const mouths = new Map<number, Yuva>();
  const eyes = new Map<number, Yuva>();
  return {
    width,
    height,
    frames: o.mouth.length,
    drawn: () => drawn,
    key: (i) => (o.frameMarker ? `#${i}` : `${o.motion.headX[i]},${o.motion.headY[i]},${o.mouth[i]},${o.motion.eyes[i]}`),
    render(i, out) {
      const dx = (o.motion.headX[i] ?? 0) * stepPx;
      const dy = (o.motion.headY[i] ?? 0) * stepPx;
      const level = o.mouth[i] ?? 0;
      const eyeState = (o.motion.eyes[i] ?? 0) as 0 | 1 | 2;
      const key = `${dx},${dy}`;
      let headPatch = heads.get(key);
      if (!headPatch) {
        headPatch = draw(head, { ...neutral, headX: dx, headY: dy });
        heads.set(key, headPatch);
      }
      let mouthPatch = mouths.get(level);
      if (!mouthPatch) {
        mouthPatch = draw(mouthR, { ...neutral, mouth: level / (o.mouthLevels - 1) });
        assertOpaque(mouthPatch, 'mouth');
        mouths.set(level, mouthPatch);
      }
      let eyePatch = eyes.get(eyeState);
      if (!eyePatch) {
        eyePatch = draw(eyesR, { ...neutral, eyes: eyeState });
        assertOpaque(eyePatch, 'eye');
        eyes.set(eyeState, eyePatch);
      }
      const frame = patched.begin(out, covered);
      patched.blit(out, frame, headPatch, head.x, head.y);
      patched.blit(out, frame, mouthPatch, mouthR.x + dx, mouthR.y + dy);
      patched.blit(out, frame, eyePatch, eyesR.x + dx, eyesR.y + dy);
      if (o.frameMarker) stampFrameMarker(frame, i, (p, x, y) => patched.blit(out, frame, p, x, y));
    },
  };
}
