import { createHash } from 'node:crypto';

export interface CatalogVoice {
  voice_id: string;
  name: string;
  gender: 'female' | 'male';
  language: string;
  type: 'public' | 'private';
  support_pause: boolean;
  support_locale: boolean;
  preview_audio_url: string | null;
  /** engines this voice can be routed to; `/v3/voices/speech` needs starfish */
  engines: string[];
}

export interface CatalogLook {
  id: string;
  name: string;
  avatar_type: 'studio_avatar' | 'digital_twin' | 'photo_avatar';
  group_id: string;
  gender: 'female' | 'male';
  default_voice_id: string;
  preview_image_url: string;
  preview_video_url: string;
  image_width: number;
  image_height: number;
  preferred_orientation: 'landscape' | 'portrait' | 'square';
  supported_api_engines: string[];
  tags: string[];
  status: 'completed';
}

export interface CatalogGroup {
  id: string;
  name: string;
  gender: 'female' | 'male';
  preview_image_url: string;
  preview_video_url: string;
  looks_count: number;
  default_voice_id: string;
  created_at: number;
}

const hex = (seed: string): string => createHash('sha256').update(seed).digest('hex').slice(0, 32);

const VOICE_NAMES: [string, 'female' | 'male', string][] = [
  ['Sara - Cheerful', 'female', 'English'],
  ['Josh - Lifelike', 'male', 'English'],
  ['Ava - Warm', 'female', 'English'],
  ['Liam - Calm', 'male', 'English'],
  ['Mia - Bright', 'female', 'English'],
  ['Noah - Deep', 'male', 'English'],
  ['Layla - Warm', 'female', 'Arabic'],
  ['Omar - Steady', 'male', 'Arabic'],
  ['Mei - Bright', 'female', 'Chinese'],
  ['Ji-woo - Clear', 'female', 'Korean'],
  ['Aarav - Calm', 'male', 'Hindi'],
  ['Olga - Natural', 'female', 'Russian'],
  ['Lena - Ruhig', 'female', 'German'],
  ['Jonas - Klar', 'male', 'German'],
  ['Lucia - Alegre', 'female', 'Spanish'],
  ['Mateo - Sereno', 'male', 'Spanish'],
  ['Camille - Douce', 'female', 'French'],
  ['Hugo - Posé', 'male', 'French'],
  ['Giulia - Solare', 'female', 'Italian'],
  ['Marco - Caldo', 'male', 'Italian'],
  ['Yui - Gentle', 'female', 'Japanese'],
  ['Ren - Steady', 'male', 'Japanese'],
  ['Ana - Suave', 'female', 'Portuguese'],
  ['Rafael - Firme', 'male', 'Portuguese'],
  ['Nia - Studio (ElevenLabs)', 'female', 'English'],
];

/** 25 voices (two pages at the default limit of 20); the first is the seed documents' voice id. */
export const VOICES: CatalogVoice[] = VOICE_NAMES.map(([name, gender, language], i) => ({
  voice_id: i === 0 ? '1bd001e7e50f421d891986aad5158bc8' : hex(`voice:${name}`),
  name,
  gender,
  language,
  type: 'public',
  support_pause: true,
  support_locale: language === 'English',
  preview_audio_url: null,
  engines: name.includes('ElevenLabs') ? ['elevenlabs'] : ['starfish', 'elevenlabs'],
}));

const firstVoice = (gender: 'female' | 'male'): string => (VOICES.find((v) => v.gender === gender) as CatalogVoice).voice_id;

const GROUPS: [string, 'female' | 'male', string[]][] = [
  ['Angela', 'female', ['Angela-inblackskirt-20220820', 'Angela-inTshirt-20220820', 'Angela-insuit-20220820', 'Angela-casual-20220820']],
  ['Josh', 'male', ['josh_lite3_20230714', 'josh_lite_20230714', 'josh_suit_20230714', 'josh_casual_20230714']],
  ['Vanessa', 'female', ['Vanessa-invest-20220722', 'Vanessa-insuit-20220722', 'Vanessa-casual-20220722', 'Vanessa-office-20220722']],
  ['Abigail', 'female', ['Abigail_expressive_2024112501', 'Abigail_standing_2024112501', 'Abigail_sitting_2024112501', 'Abigail_office_2024112501']],
  ['Marcus', 'male', ['Marcus_front_20240301', 'Marcus_side_20240301', 'Marcus_studio_20240301', 'Marcus_casual_20240301']],
  ['Priya', 'female', ['Priya_front_20240515', 'Priya_studio_20240515', 'Priya_office_20240515', 'Priya_casual_20240515']],
  ['Kenji', 'male', ['Kenji_front_20250110', 'Kenji_studio_20250110']],
];

const files = 'https://files.heygen.ai/emulator';

/** Public avatar groups (characters); 7 of them. */
export const GROUP_LIST: CatalogGroup[] = GROUPS.map(([name, gender, looks], i) => ({
  id: hex(`group:${name}`),
  name,
  gender,
  preview_image_url: `${files}/avatars/${name}.webp`,
  preview_video_url: `${files}/avatars/${name}.mp4`,
  looks_count: looks.length,
  default_voice_id: firstVoice(gender),
  created_at: 1_700_000_000 + i * 86_400,
}));

/** 26 looks (two pages at the default limit of 20): the values to pass as `avatar_id`. */
export const LOOKS: CatalogLook[] = GROUPS.flatMap(([name, gender, looks]) =>
  looks.map((id, j) => ({
    id,
    name: `${name} ${['Front', 'Studio', 'Office', 'Casual'][j] ?? 'Look'}`,
    avatar_type: j === 3 ? ('digital_twin' as const) : ('studio_avatar' as const),
    group_id: hex(`group:${name}`),
    gender,
    default_voice_id: firstVoice(gender),
    preview_image_url: `${files}/looks/${id}.webp`,
    preview_video_url: `${files}/looks/${id}.mp4`,
    image_width: 1920,
    image_height: 1080,
    preferred_orientation: 'landscape' as const,
    supported_api_engines: ['avatar_iv', 'avatar_v', 'avatar_iii'],
    tags: j === 0 ? ['AVATAR_IV', 'webm'] : ['AVATAR_IV'],
    status: 'completed' as const,
  })),
);

export function findLook(id: string): CatalogLook | undefined {
  return LOOKS.find((l) => l.id === id);
}

export function findVoice(id: string): CatalogVoice | undefined {
  return VOICES.find((v) => v.voice_id === id);
}

const LANGUAGE_TAGS: Record<string, string> = {
  English: 'en-US', German: 'de-DE', Spanish: 'es-ES', French: 'fr-FR', Italian: 'it-IT', Japanese: 'ja-JP', Portuguese: 'pt-BR',
  Arabic: 'ar', Chinese: 'zh-CN', Korean: 'ko-KR', Hindi: 'hi-IN', Russian: 'ru-RU',
};

/** The language a request speaks: its locale hint (HeyGen's voice_settings.locale), else the catalog voice's language. */
export function speechLocale(voiceId: string | undefined, localeHint: string | undefined): string | undefined {
  if (localeHint) return localeHint;
  const voice = voiceId ? findVoice(voiceId) : undefined;
  return voice ? LANGUAGE_TAGS[voice.language] : undefined;
}
