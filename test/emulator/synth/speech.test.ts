import { describe, expect, it } from 'vitest';
import { speechTimestampsWithSentinels, synthesizeSpeech, type Speech } from '../../../src/emulator/synth';
import { parseScript } from '../../../src/emulator/synth/script';
import { espeakVoiceFor } from '../../../src/emulator/synth/voices';
import { parseWav } from '../../../src/emulator/synth/wav';

const pcmCache = new WeakMap<Speech, ReturnType<typeof parseWav>>();

/** RMS of the audio in [a, b) seconds, relative to full scale. */
function rmsBetween(s: Speech, a: number, b: number): number {
  let pcm = pcmCache.get(s);
  if (!pcm) {
    pcm = parseWav(s.wav);
    pcmCache.set(s, pcm);
  }
  const { samples, sampleRate } = pcm;
  const i0 = Math.max(0, Math.floor(a * sampleRate));
  const i1 = Math.min(samples.length, Math.ceil(b * sampleRate));
  let acc = 0;
  for (let i = i0; i < i1; i++) acc += ((samples[i] ?? 0) / 32768) ** 2;
  return i1 > i0 ? Math.sqrt(acc / (i1 - i0)) : 0;
}

/** Runs of at least `minSec` where every 10 ms window is below `level` RMS. */
function silences(s: Speech, level: number, minSec: number): [number, number][] {
  const out: [number, number][] = [];
  let from = -1;
  const step = 0.01;
  for (let t = 0; t < s.durationSec; t += step) {
    const quiet = rmsBetween(s, t, t + step) < level;
    if (quiet && from < 0) from = t;
    if (!quiet && from >= 0) {
      if (t - from >= minSec) out.push([from, t]);
      from = -1;
    }
  }
  return out;
}

const TEXT = 'Sales rose sharply in March, then fell. Our forecast, however, stays positive for the year.';

describe('synthesizeSpeech', () => {
  it('returns a 16-bit PCM WAV whose duration matches its header', async () => {
    const s = await synthesizeSpeech({ text: 'Just a short line.' });
    expect(s.wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(s.wav.readUInt16LE(34)).toBe(16);
    const pcm = parseWav(s.wav);
    expect(pcm.sampleRate).toBe(s.sampleRate);
    expect(pcm.samples.length / pcm.sampleRate).toBeCloseTo(s.durationSec, 6);
    expect(s.durationSec).toBeGreaterThan(0.5);
  });

  it('times every word from espeak events, and the times match the sound', async () => {
    const s = await synthesizeSpeech({ text: TEXT });
    expect(s.words.map((w) => w.word)).toEqual(TEXT.split(' '));
    const peak = rmsBetween(s, 0, s.durationSec);
    for (const [i, w] of s.words.entries()) {
      expect(w.end).toBeGreaterThan(w.start);
      expect(w.end).toBeLessThanOrEqual(s.durationSec + 1e-9);
      if (i > 0) expect(w.start).toBeGreaterThanOrEqual((s.words[i - 1]?.end ?? 0) - 1e-9);
      // Every word interval carries speech.
      expect(rmsBetween(s, w.start, w.end)).toBeGreaterThan(peak * 0.2);
    }
    // Pauses (comma and full stop) fall between words, not inside them.
    const gaps = silences(s, peak * 0.02, 0.12);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    for (const [a, b] of gaps) {
      for (const w of s.words) expect(Math.min(b, w.end) - Math.max(a, w.start)).toBeLessThan(0.03);
    }
    // The first word starts with the sound and the last ends with it.
    const firstSound = silences(s, peak * 0.02, 0.001).find(([a]) => a === 0)?.[1] ?? 0;
    expect(Math.abs((s.words[0]?.start ?? -1) - firstSound)).toBeLessThan(0.03);
    expect(Math.abs((s.words[s.words.length - 1]?.end ?? 0) - s.durationSec)).toBeLessThan(0.1);
  });

  it('honours <break time="…s"/> and "…ms" pauses with exact silences', async () => {
    const plain = await synthesizeSpeech({ text: 'First part. Second part.' });
    const broken = await synthesizeSpeech({ text: 'First part. <break time="1s"/> Second part.' });
    const ms = await synthesizeSpeech({ text: 'First part. <break time="500ms"/> <break time="0.5s"/> Second part.' });
    expect(broken.durationSec - plain.durationSec).toBeGreaterThan(0.85);
    expect(broken.durationSec - plain.durationSec).toBeLessThan(1.15);
    expect(Math.abs(ms.durationSec - broken.durationSec)).toBeLessThan(0.01);
    const [, part, second] = broken.words;
    expect(second?.word).toBe('Second');
    expect((second?.start ?? 0) - (part?.end ?? 0)).toBeGreaterThan(1);
    expect(rmsBetween(broken, (part?.end ?? 0) + 0.05, (second?.start ?? 0) - 0.05)).toBeLessThan(0.001);
  });

  it('copes with parts that have nothing to say and with empty scripts', async () => {
    const s = await synthesizeSpeech({ text: 'Well... <break time="500ms"/> — <break time="0.5s"/> fine.' });
    expect(s.words.map((w) => w.word)).toEqual(['Well...', 'fine.']);
    expect(s.durationSec).toBeGreaterThan(1.5);
    const empty = await synthesizeSpeech({ text: '' });
    expect(empty.words).toEqual([]);
    expect(empty.durationSec).toBe(0);
  });

  it('speaks faster at speed 1.5 and slower at 0.5', async () => {
    const text = 'The chart shows a steady climb across all four regions.';
    const normal = await synthesizeSpeech({ text });
    const fast = await synthesizeSpeech({ text, speed: 1.5 });
    const slow = await synthesizeSpeech({ text, speed: 0.5 });
    expect(fast.durationSec).toBeLessThan(normal.durationSec * 0.8);
    expect(slow.durationSec).toBeGreaterThan(normal.durationSec * 1.4);
    expect(fast.words).toHaveLength(normal.words.length);
  });

  it('maps voice ids to distinct espeak voices, the same way every time', async () => {
    const ids = Array.from({ length: 16 }, (_, i) => `voice-${i}`);
    const voices = new Set(ids.map((id) => espeakVoiceFor(id).voice));
    expect(voices.size).toBeGreaterThanOrEqual(4);
    expect(espeakVoiceFor('voice-3')).toEqual(espeakVoiceFor('voice-3'));
    const [a, b] = ids.filter((id, k) => ids.findIndex((j) => espeakVoiceFor(j).voice === espeakVoiceFor(id).voice) === k);
    const text = 'Hello from the offline presenter.';
    const sa = await synthesizeSpeech({ text, voiceId: a });
    const sa2 = await synthesizeSpeech({ text, voiceId: a });
    const sb = await synthesizeSpeech({ text, voiceId: b });
    expect(sa.wav.equals(sa2.wav)).toBe(true);
    expect(sa.wav.equals(sb.wav)).toBe(false);
  });

  it('adds HeyGen <start>/<end> sentinels around the word timestamps', async () => {
    const s = await synthesizeSpeech({ text: 'Two words.' });
    const t = speechTimestampsWithSentinels(s.words, s.durationSec);
    expect(t[0]).toEqual({ word: '<start>', start: 0, end: 0 });
    expect(t[t.length - 1]).toEqual({ word: '<end>', start: s.durationSec, end: s.durationSec });
    expect(t.slice(1, -1)).toEqual(s.words);
  });
});

describe('parseScript', () => {
  it('splits text and pauses, summing adjacent pauses and ignoring other tags', () => {
    expect(parseScript('Hi <break time="1.5s"/> <break time="250ms" /> there <emphasis>now</emphasis>.')).toEqual([
      { kind: 'text', text: 'Hi' },
      { kind: 'break', seconds: 1.75 },
      { kind: 'text', text: 'there now .' },
    ]);
  });
});
