import { parseSrt } from '@remotion/captions';
import type { WordTiming } from '../spec/manifest';

/**
 * Word timings estimated from SRT cues (HeyGen's v3 videos give cues, not words): each cue's time is shared
 * among its words by their length, which is close enough to highlight word by word.
 */
export function wordsFromSrt(srt: string): WordTiming[] {
  const { captions } = parseSrt({ input: srt });
  const words: WordTiming[] = [];
  for (const cue of captions) {
    const parts = cue.text.split(/\s+/).filter(Boolean);
    const weight = parts.reduce((n, w) => n + w.length + 1, 0);
    let t = cue.startMs;
    for (const w of parts) {
      const span = ((cue.endMs - cue.startMs) * (w.length + 1)) / weight;
      words.push({ word: w, start: t / 1000, end: (t + span) / 1000 });
      t += span;
    }
  }
  return words;
}
