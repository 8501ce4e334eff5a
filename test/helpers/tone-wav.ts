import { encodeWav } from '../../src/emulator/synth/wav';

/** A mono 16-bit WAV of a 220 Hz tone, `sec` long: a recording of the user's own (a lipsync's new voice). */
export function toneWav(sec: number, sampleRate = 24_000): Buffer {
  const samples = new Int16Array(Math.round(sec * sampleRate));
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / sampleRate));
  return encodeWav({ sampleRate, samples });
}
