import type { WordTiming } from '../../src/spec/manifest';

/** A stretch of speech, in composition frames [from, to). */
export interface Span {
  from: number;
  to: number;
}

/** Pauses shorter than this do not lift the music back up: it would pump between words. */
const BRIDGE_SEC = 0.8;

/** Speech of one scene as spans: from the words when known, else the whole clip. */
export function speechSpans(sceneFrom: number, clipSec: number, words: WordTiming[] | undefined, fps: number): Span[] {
  if (!words?.length) return [{ from: sceneFrom, to: sceneFrom + clipSec * fps }];
  const spans: Span[] = [];
  for (const w of words) {
    const from = sceneFrom + w.start * fps;
    const to = sceneFrom + w.end * fps;
    const last = spans[spans.length - 1];
    if (last && from - last.to < BRIDGE_SEC * fps) last.to = Math.max(last.to, to);
    else spans.push({ from, to });
  }
  return spans;
}

export interface DuckOptions {
  volume: number;
  /** Volume factor while someone speaks. */
  duckTo: number;
  /** Frames to ramp down before speech and up after it. */
  rampFrames: number;
  totalFrames: number;
  /** Fade in at the start and out at the end. */
  fadeFrames: number;
}

/** The music's volume at a frame: lowered under speech with ramps, faded in and out at the ends. */
export function duckedVolume(frame: number, spans: Span[], o: DuckOptions): number {
  let duck = 0;
  for (const s of spans) {
    let d = 0;
    if (frame >= s.from && frame <= s.to) d = 1;
    else if (frame < s.from) d = 1 - (s.from - frame) / o.rampFrames;
    else d = 1 - (frame - s.to) / o.rampFrames;
    duck = Math.max(duck, Math.min(1, Math.max(0, d)));
  }
  const fade = Math.min(1, Math.max(0, Math.min(frame / o.fadeFrames, (o.totalFrames - frame) / o.fadeFrames)));
  return o.volume * (1 - (1 - o.duckTo) * duck) * fade;
}
