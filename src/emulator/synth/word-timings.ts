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

/** Word times from espeak's word events, trimmed to the sound; words spoken under one event share its time by letters. */
export function wordTimings(text: string, events: EspeakEvent[], samples: Int16Array, sampleRate: number): WordTiming[] {
  const tokens = tokenize(text);
  for (const e of events) {
    if (e.type !== EVENT.WORD) continue;
    const pos = e.textPosition - 1;
    const t = tokens.find((k) => pos >= k.from && pos < k.to) ?? tokens.find((k) => k.from >= pos);
    if (t && (t.startSample === undefined || e.sample < t.startSample)) t.startSample = e.sample;
  }
  const groups: { start: number; tokens: Token[] }[] = [];
  let pending: Token[] = [];
  for (const t of tokens) {
    if (t.startSample !== undefined) {
      groups.push({ start: t.startSample, tokens: [...pending, t] });
      pending = [];
    } else if (/[\p{L}\p{N}]/u.test(t.word)) pending.push(t);
  }
  const lastGroup = groups[groups.length - 1];
  if (lastGroup) lastGroup.tokens.push(...pending);
  const boundaries = events.filter((e) => e.type === EVENT.END || e.type === EVENT.WORD).map((e) => e.sample);
  let peak = 0;
  for (let i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i] ?? 0));
  const threshold = Math.max(64, peak * 0.03);
  const hop = Math.max(1, Math.round(HOP * sampleRate));
  const out: WordTiming[] = [];
  groups.forEach((g, i) => {
    const next = boundaries.filter((b) => b > g.start).reduce((a, b) => Math.min(a, b), samples.length);
    const limit = Math.max(g.start, Math.min(next, groups[i + 1]?.start ?? samples.length, samples.length));
    const start = firstVoiced(samples, g.start, limit, threshold, hop);
    const end = Math.max(start, lastVoiced(samples, start, limit, threshold, hop));
    const weights = g.tokens.map((t) => (t.word.match(/[\p{L}\p{N}]/gu)?.length ?? 0) + 1);
    const total = weights.reduce((a, b) => a + b, 0);
    let at = start;
    g.tokens.forEach((t, k) => {
      const to = k === g.tokens.length - 1 ? end : at + ((end - start) * (weights[k] ?? 1)) / total;
      out.push({ word: t.word, start: at / sampleRate, end: to / sampleRate });
      at = to;
    });
  });
  return out;
}
