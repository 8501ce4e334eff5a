import { encodeWav } from './synth/wav';

/** A 16-bit mono PCM WAV of silence: the soundtrack of a legacy `silence` voice scene. */
export function silenceWav(durationSec: number, sampleRate = 22_050): Buffer {
  return encodeWav({ sampleRate, samples: new Int16Array(Math.max(1, Math.round(durationSec * sampleRate))) });
}
