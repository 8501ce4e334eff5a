import { createRng, hashString } from './prng';

export interface MotionTrack {
  /** Per frame: 0 open, 1 half, 2 closed. */
  eyes: Uint8Array;
  /** Per frame head offset, in quantized steps (small integers). */
  headX: Int8Array;
  headY: Int8Array;
}

/** Blinks every 2–5 s and a slow sway of the head, reproducible from the seed. */
export function motionTrack(frames: number, fps: number, seed: string): MotionTrack {
  const rng = createRng(hashString(`motion:${seed}`));
  const eyes = new Uint8Array(frames);
  let next = Math.round(fps * (0.8 + rng() * 2));
  while (next < frames) {
    const pattern = [1, 2, 2, 1];
    pattern.forEach((v, k) => {
      if (next + k < frames) eyes[next + k] = v;
    });
    next += Math.round(fps * (2 + rng() * 3));
  }
  const headX = new Int8Array(frames);
  const headY = new Int8Array(frames);
  const px = 2 * Math.PI * rng();
  const py = 2 * Math.PI * rng();
  const fx = 0.11 + rng() * 0.05;
  const fy = 0.17 + rng() * 0.07;
  for (let f = 0; f < frames; f++) {
    const t = f / fps;
    headX[f] = Math.round(2 * Math.sin(2 * Math.PI * fx * t + px) + 0.6 * Math.sin(2 * Math.PI * 2.3 * fx * t));
    headY[f] = Math.round(1.2 * Math.sin(2 * Math.PI * fy * t + py));
  }
  return { eyes, headX, headY };
}
