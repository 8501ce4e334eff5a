import { EVENT, runEspeak } from './espeak';
import { parseScript } from './script';
import { espeakVoiceFor } from './voices';
import { encodeWav, parseWav } from './wav';
import { wordTimings } from './word-timings';
import type { Speech, SpeechRequest, WordTiming } from './types';

interface Segment {
  samples: Int16Array;
  sampleRate: number;
  words: WordTiming[];
}

type Voice = ReturnType<typeof espeakVoiceFor>;

/** espeak words per minute at speed 1 (HeyGen paces ~150 wpm; espeak's default of 175 sounds rushed). */
const BASE_WPM = 165;

export function clampSpeed(speed: number | undefined): number {
  if (speed === undefined || !Number.isFinite(speed)) return 1;
  return Math.min(1.5, Math.max(0.5, speed));
}

async function speakSegment(text: string, v: Voice, speed: number, finalPause: boolean): Promise<Segment> {
  const wpm = Math.round(BASE_WPM * speed);
  const run = await runEspeak(['-D', ...(finalPause ? [] : ['-z']), '-v', v.voice, '-p', String(v.pitch), '-P', String(v.pitchRange), '-s', String(wpm), '-w', 'out.wav', '--', text], { outputs: ['out.wav'] });
  const wav = run.files['out.wav'];
  if (!wav) throw new Error('espeak-ng produced no audio');
  const pcm = parseWav(wav);
  // The sample-rate event opens every synthesis; without it the callback hook failed and words cannot be timed.
  if (!run.events.some((e) => e.type === EVENT.SAMPLERATE)) throw new Error('espeak-ng reported no events; cannot time the words');
  return { samples: pcm.samples, sampleRate: pcm.sampleRate, words: wordTimings(text, run.events, pcm.samples, pcm.sampleRate) };
}

/** Speaks a HeyGen-style script offline: espeak-ng per text run, exact silences for `<break>` tags. */
export async function synthesizeSpeech(req: SpeechRequest): Promise<Speech> {
  const speed = clampSpeed(req.speed);
  const voice = espeakVoiceFor(req.voiceId, req.locale);
  const parts = parseScript(req.text);
  const chunks: Int16Array[] = [];
  const words: WordTiming[] = [];
  let sampleRate = 22050;
  let offset = 0;
  const lastText = parts.map((p) => p.kind).lastIndexOf('text');
  for (const [k, part] of parts.entries()) {
    if (part.kind === 'break') {
      const n = Math.round(part.seconds * sampleRate);
      chunks.push(new Int16Array(n));
      offset += n;
      continue;
    }
    // A sentence ending before a <break> keeps its natural pause (the break adds to it); the clip ends on the last word.
    const seg = await speakSegment(part.text, voice, speed, k < lastText && /[.!?;:]["')\]]*$/.test(part.text));
    sampleRate = seg.sampleRate;
    for (const w of seg.words) words.push({ word: w.word, start: w.start + offset / sampleRate, end: w.end + offset / sampleRate });
    chunks.push(seg.samples);
    offset += seg.samples.length;
  }
  const samples = new Int16Array(offset);
  let at = 0;
  for (const c of chunks) {
    samples.set(c, at);
    at += c.length;
  }
  return { wav: encodeWav({ sampleRate, samples }), sampleRate, durationSec: samples.length / sampleRate, words, voice: voice.voice };
}
