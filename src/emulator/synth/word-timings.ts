import { EVENT, type EspeakEvent } from './espeak';
import type { WordTiming } from './types';

interface Token {
  word: string;
  /** Code-point range [from, to) in the text. */
  from: number;
  to: number;
  startSample?: number;
}

function tokenize(text: string): Token[] {
  const cps = [...text];
  const tokens: Token[] = [];
  let i = 0;
  while (i < cps.length) {
    while (i < cps.length && /\s/u.test(cps[i] ?? '')) i++;
    const from = i;
    while (i < cps.length && !/\s/u.test(cps[i] ?? '')) i++;
    if (i > from) tokens.push({ word: cps.slice(from, i).join(''), from, to: i });
  }
  return tokens;
}

/** 2.5 ms steps: fine enough to place a word end, coarse enough to be cheap. */
const HOP = 0.0025;

/** Last sample before `before` (and after `after`) that is louder than the silence threshold. */
function lastVoiced(samples: Int16Array, after: number, before: number, threshold: number, hop: number): number {
  for (let b = before; b - hop >= after; b -= hop) {
    let peak = 0;
    for (let i = b - hop; i < b; i++) peak = Math.max(peak, Math.abs(samples[i] ?? 0));
    if (peak >= threshold) return b;
  }
  return after;
}

/** First sample at or after `from` (and before `before`) that is louder than the silence threshold. */
function firstVoiced(samples: Int16Array, from: number, before: number, threshold: number, hop: number): number {
  for (let a = from; a + hop <= before; a += hop) {
    for (let i = a; i < a + hop; i++) if (Math.abs(samples[i] ?? 0) >= threshold) return a;
  }
  return from;
}

/**
 * Word timings from espeak's own word events: a word starts at its event's sample and ends where the audio falls
 * silent before the next word (or the clause end), so clause pauses are not counted as speech.
 */
export function wordTimings(text: string, events: EspeakEvent[], samples: Int16Array, sampleRate: number): WordTiming[] {
  const tokens = tokenize(text);
  for (const e of events) {
    if (e.type !== EVENT.WORD) continue;
    const pos = e.textPosition - 1;
    const t = tokens.find((k) => pos >= k.from && pos < k.to) ?? tokens.find((k) => k.from >= pos);
    if (t && (t.startSample === undefined || e.sample < t.startSample)) t.startSample = e.sample;
  }
  const spoken = tokens.filter((t) => t.startSample !== undefined || /[\p{L}\p{N}]/u.test(t.word));
  // A word espeak skipped gets the next word's start, so every spoken token still has a place in time.
  for (let i = spoken.length - 1; i >= 0; i--) {
    const t = spoken[i];
    if (t && t.startSample === undefined) t.startSample = spoken[i + 1]?.startSample ?? samples.length;
  }
  const boundaries = events.filter((e) => e.type === EVENT.END || e.type === EVENT.WORD).map((e) => e.sample);
  let peak = 0;
  for (let i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i] ?? 0));
  const threshold = Math.max(64, peak * 0.03);
  const hop = Math.max(1, Math.round(HOP * sampleRate));
  return spoken.map((t, i) => {
    const event = t.startSample ?? 0;
    const next = boundaries.filter((b) => b > event).reduce((a, b) => Math.min(a, b), samples.length);
    const limit = Math.max(event, Math.min(next, spoken[i + 1]?.startSample ?? samples.length, samples.length));
    // espeak places a word's event before the pause that precedes it; the word starts where its sound does.
    const start = firstVoiced(samples, event, limit, threshold, hop);
    const end = Math.max(start, lastVoiced(samples, start, limit, threshold, hop));
    return { word: t.word, start: start / sampleRate, end: end / sampleRate };
  });
}
