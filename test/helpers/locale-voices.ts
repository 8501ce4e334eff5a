import { VOICES } from '../../src/emulator/catalog';

/** The emulator's voice id for a language ("German", "Japanese"…): each locale of a test spec speaks its own. */
export const voice = (language: string): string => VOICES.find((v) => v.language === language)!.voice_id;

/** The head of a multi-language test spec: en-US source, the English voice, a small landscape format. */
export const ENGLISH_SOURCE = {
  format: 'landscape-720p',
  locale: 'en-US',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: voice('English') },
} as const;
