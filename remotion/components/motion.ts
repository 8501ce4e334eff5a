import { Easing, interpolate, spring } from 'remotion';

/** 0 → 1 as an element enters, `delay` frames after its scene starts; eases without overshoot. */
export function enter(frame: number, fps: number, delay = 0, seconds = 0.7): number {
  return spring({ frame: frame - delay, fps, config: { damping: 200 }, durationInFrames: Math.round(seconds * fps) });
}

/** 0 → 1 over the scene's exit window (the frames it is held under the transition to the next scene). */
export function exit(frame: number, exitAt: number, exitFrames: number): number {
  if (exitFrames <= 0) return 0;
  return interpolate(frame, [exitAt, exitAt + exitFrames], [0, 1], { extrapolateLeft: 'clamp', extrapolateRight: 'clamp', easing: Easing.in(Easing.cubic) });
}

/** Counts a number up from zero in the first `seconds`, decelerating into the final value. */
export function countUp(frame: number, fps: number, delay: number, seconds = 1.2): number {
  return interpolate(frame - delay, [0, seconds * fps], [0, 1], { extrapolateLeft: 'clamp', extrapolateRight: 'clamp', easing: Easing.out(Easing.cubic) });
}
