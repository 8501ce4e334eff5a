import { hashString } from './prng';

export interface EspeakVoice {
  /** espeak-ng voice, e.g. `en-us+f3`. */
  voice: string;
  /** espeak pitch 0–99. */
  pitch: number;
  /** espeak pitch range 0–99. */
  pitchRange: number;
  gender: 'male' | 'female';
}

// Formant variants that the stripped WASM build can render (the klatt ones cannot).
const VOICES: readonly EspeakVoice[] = [
  { voice: 'en-us+m3', pitch: 45, pitchRange: 60, gender: 'male' },
  { voice: 'en-us+f3', pitch: 55, pitchRange: 65, gender: 'female' },
  { voice: 'en-gb+m2', pitch: 40, pitchRange: 55, gender: 'male' },
  { voice: 'en-us+f2', pitch: 60, pitchRange: 70, gender: 'female' },
  { voice: 'en-gb-x-rp+m7', pitch: 35, pitchRange: 50, gender: 'male' },
  { voice: 'en-us+f4', pitch: 50, pitchRange: 60, gender: 'female' },
  { voice: 'en-us+m1', pitch: 50, pitchRange: 65, gender: 'male' },
  { voice: 'en-gb+f5', pitch: 58, pitchRange: 55, gender: 'female' },
];

/** The same voice id always maps to the same espeak voice; distinct ids spread over the table. */
export function espeakVoiceFor(voiceId: string | undefined): EspeakVoice {
  // `espeak:<voice>` names an espeak-ng voice directly (translations speak the target language)
  const direct = /^espeak:([a-z0-9+-]+)$/i.exec(voiceId ?? '');
  if (direct?.[1]) return { voice: direct[1], pitch: 50, pitchRange: 60, gender: 'female' };
  const v = VOICES[hashString(voiceId ?? 'default') % VOICES.length];
  if (!v) throw new Error('voice table is empty');
  return v;
}

export function voiceCount(): number {
  return VOICES.length;
}
