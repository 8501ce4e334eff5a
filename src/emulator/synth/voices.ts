import { hashString } from './prng';

export interface EspeakVoice {
  /** espeak-ng voice, e.g. `en-us+f3` or `de+f3`. */
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

/**
 * Languages of the espeak-ng WebAssembly build (`espeak-ng --voices`), by the tag a locale maps to. Regional
 * variants come first so "pt-BR" finds Brazilian Portuguese and "de-AT" falls back to German.
 */
const ESPEAK_LANGUAGES: ReadonlySet<string> = new Set(
  ('af am an ar as az ba be bg bn bpy bs ca cmn cs cv cy da de el en-029 en-gb en-gb-scotland en-gb-x-rp en-us eo es es-419 et eu fa fi ' +
    'fr-be fr-ch fr-fr ga gd gn grc gu hak haw he hi hr ht hu hy hyw ia id io is it ja jbo ka kk kl kn ko kok ku ky la lb lfn lt ltg lv ' +
    'mi mk ml mr ms mt my nb nci ne nl nog om or pa pap pl pt pt-br py qu quc ro ru sd shn si sk sl sq sr sv sw ta te th tk tn tr tt ug uk ur uz ' +
    'vi yue').split(' '),
);

/** Tags whose espeak name differs from the language subtag. */
const ALIASES: Record<string, string> = { zh: 'cmn', 'zh-hk': 'yue', 'zh-mo': 'yue', fr: 'fr-fr', no: 'nb', nn: 'nb', iw: 'he', fil: 'id', en: 'en-us', 'es-mx': 'es-419', 'es-us': 'es-419', 'es-ar': 'es-419', 'es-co': 'es-419', 'en-au': 'en-gb', 'en-ie': 'en-gb', 'en-nz': 'en-gb', 'en-za': 'en-gb', 'en-in': 'en-gb' };

/** The espeak-ng language for a BCP 47 locale ("de-DE" -> "de", "pt-BR" -> "pt-br", "zh-CN" -> "cmn"), or null when it has none. */
export function espeakLanguageFor(locale: string | undefined): string | null {
  if (!locale) return null;
  const tag = locale.toLowerCase().replace(/_/g, '-');
  const parts = tag.split('-');
  const candidates = [tag, `${parts[0]}-${parts[parts.length - 1]}`, parts[0]!];
  for (const c of candidates) {
    const name = ALIASES[c] ?? c;
    if (ESPEAK_LANGUAGES.has(name)) return name;
  }
  return null;
}

/** Variants that sound distinct in any language (they shape formants, not pronunciation). */
const VARIANTS: readonly Omit<EspeakVoice, 'voice'>[] = [
  { pitch: 55, pitchRange: 65, gender: 'female' },
  { pitch: 45, pitchRange: 60, gender: 'male' },
  { pitch: 60, pitchRange: 70, gender: 'female' },
  { pitch: 40, pitchRange: 55, gender: 'male' },
];
const VARIANT_NAMES = ['f3', 'm3', 'f2', 'm2'];

/**
 * The same voice id always maps to the same espeak voice; distinct ids spread over the table. With a language
 * (from the request's locale or the catalog voice's language), the voice speaks that language; English and
 * unknown languages keep the English table.
 */
export function espeakVoiceFor(voiceId: string | undefined, locale?: string): EspeakVoice {
  // `espeak:<voice>` names an espeak-ng voice directly (translations speak the target language)
  const direct = /^espeak:([a-z0-9+-]+)$/i.exec(voiceId ?? '');
  if (direct?.[1]) return { voice: direct[1], pitch: 50, pitchRange: 60, gender: 'female' };
  const language = espeakLanguageFor(locale);
  const h = hashString(voiceId ?? 'default');
  if (language && !language.startsWith('en')) {
    const k = h % VARIANTS.length;
    return { voice: `${language}+${VARIANT_NAMES[k]}`, ...VARIANTS[k]! };
  }
  const v = VOICES[h % VOICES.length];
  if (!v) throw new Error('voice table is empty');
  return v;
}

export function voiceCount(): number {
  return VOICES.length;
}
