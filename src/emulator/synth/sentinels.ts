import type { WordTiming } from './types';

/** Word timestamps as `POST /v3/voices/speech` returns them, between `<start>` (at 0) and `<end>` (at the audio's end). */
export function speechTimestampsWithSentinels(words: WordTiming[], durationSec?: number): WordTiming[] {
  const end = durationSec ?? words.reduce((a, w) => Math.max(a, w.end), 0);
  return [{ word: '<start>', start: 0, end: 0 }, ...words, { word: '<end>', start: end, end }];
}
