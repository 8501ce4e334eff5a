import type { Timeline } from '../../src/spec/timeline';

/** Length of the transition between two scenes. */
export const TRANSITION_SEC = 0.4;

/**
 * The timing rule: every scene starts exactly where `buildTimeline` puts it and the composition is exactly
 * `buildTimeline(...).durationInFrames` long. A transition of T frames into scene i+1 plays over the first T frames
 * of scene i+1; to make room, scene i's visuals (not its audio) are held T frames longer under the transition.
 * So in a TransitionSeries each sequence but the last lasts `durationInFrames + T`, and the overlaps cancel out.
 */
export function transitionFrames(timeline: Timeline, fps: number): number {
  if (timeline.scenes.length < 2) return 0;
  const shortest = Math.min(...timeline.scenes.map((s) => s.durationInFrames));
  // A transition may take at most half of any scene, so a short scene is never only a transition.
  return Math.max(0, Math.min(Math.round(TRANSITION_SEC * fps), Math.floor(shortest / 2)));
}

/** Durations of the TransitionSeries sequences, per the rule above. */
export function sceneSequenceDurations(timeline: Timeline, transition: number): number[] {
  return timeline.scenes.map((s, i) => s.durationInFrames + (i < timeline.scenes.length - 1 ? transition : 0));
}

/** Where each sequence of a TransitionSeries starts, given its durations and one transition length. */
export function transitionSeriesStarts(durations: number[], transition: number): number[] {
  const starts: number[] = [];
  let at = 0;
  durations.forEach((d, i) => {
    starts.push(at);
    at += d - (i < durations.length - 1 ? transition : 0);
  });
  return starts;
}

/** Frames of the presenter clip within its scene: the clip plays for these, then its last frame holds. */
export function clipFrames(durationSec: number, fps: number): number {
  return Math.max(1, Math.ceil(durationSec * fps - 1e-6));
}
