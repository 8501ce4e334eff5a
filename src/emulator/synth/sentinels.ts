import type { WordTiming } from './types';

/**
 * Word timestamps as HeyGen's `POST /v3/voices/speech` returns them: wrapped in `<start>` and `<end>` sentinel
 * tokens (clients such as HyperFrames strip them), the first at 0 and the last at the end of the audio.
 */
export function speechTimestampsWithSentinels(words: WordTiming[], durationSec?: number): WordTiming[] {
  const end = durationSec ?? words.reduce((a, w) => Math.max(a, w.end), 0);
  return [{ word: '<start>', start: 0, end: 0 }, ...words, { word: '<end>', start: end, end }];
}
