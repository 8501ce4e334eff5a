import { z } from 'zod';

/** A BCP 47 language tag Intl understands ("de-DE", "ar-EG", "ja-JP"). */
export const localeTagSchema = z
  .string()
  .refine((tag) => canonicalLocale(tag) !== null, { message: 'use a BCP 47 language tag such as "en-US", "de-DE", "ar-EG" or "ja-JP"' })
  .describe('A BCP 47 language tag, e.g. "de-DE"');

/** The canonical spelling of a language tag ("de-de" -> "de-DE"), or null when Intl rejects it. */
export function canonicalLocale(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical ?? null;
  } catch {
    return null;
  }
}

const localeVoiceSchema = z.object({
  id: z.string().min(1).describe('HeyGen voice id for this language (`npm run heygen -- voices`)'),
  speed: z.number().min(0.5).max(1.5).default(1),
  pitch: z.number().min(-50).max(50).optional().describe('Semitones'),
  locale: z.string().optional().describe('Accent hint for multilingual voices; default: this locale'),
});

export const localeSettingsSchema = z.object({
  voice: localeVoiceSchema
    .optional()
    .describe("The presenter's voice in this language; default: the spec's voice, told to speak this locale"),
  digits: z
    .enum(['latin', 'native'])
    .optional()
    .describe('"native": numbers in the locale\'s own digits (ar-EG: ١٬٢٣٤); default "latin" (1,234)'),
  text: z
    .record(z.string(), z.string().min(1))
    .default({})
    .describe('Translations keyed by the JSON path of the source text, e.g. {"$.scenes[0].title": "Anmeldungen verdoppelt"}'),
});
export type LocaleSettings = z.output<typeof localeSettingsSchema>;

/** The spec fields that say which languages a video is made in. */
export const localeFieldsSchema = {
  locale: localeTagSchema.default('en-US').describe('The language the spec\'s own texts are written in'),
  locales: z
    .record(localeTagSchema, localeSettingsSchema)
    .optional()
    .describe('The other languages the video is made in, each with its voice and the translated texts (`npm run locales -- extract`)'),
};

const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Right-to-left scripts: text direction and the order of what reads in sequence are mirrored. */
export function isRightToLeft(locale: string): boolean {
  return RTL_LANGUAGES.has(locale.split('-')[0]!.toLowerCase());
}

/** Numbering systems Intl calls a language's own digits, for `digits: "native"`. */
const NATIVE_DIGITS: Record<string, string> = {
  ar: 'arab', fa: 'arabext', ur: 'arabext', ps: 'arabext', hi: 'deva', mr: 'deva', ne: 'deva', bn: 'beng', as: 'beng',
  th: 'thai', lo: 'laoo', my: 'mymr', km: 'khmr', gu: 'gujr', pa: 'guru', ta: 'tamldec', te: 'telu', kn: 'knda', ml: 'mlym',
  or: 'orya', bo: 'tibt',
};

/** The Intl numbering system for a locale and a digits choice: "latn", or the language's own digits when it has them. */
export function numberingSystemFor(locale: string, digits: 'latin' | 'native' | undefined): string {
  if (digits !== 'native') return 'latn';
  return NATIVE_DIGITS[locale.split('-')[0]!.toLowerCase()] ?? 'latn';
}
