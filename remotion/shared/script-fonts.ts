import { EMOJI_CHARS, EMOJI_FAMILY } from './emoji-font';
/** A Noto family from npm (@fontsource-variable) and the characters it is needed for. */
export interface ScriptFont {
  family: string;
  /** Matches a character this family draws and Inter does not. */
  chars: RegExp;
  /** Languages that prefer this family for shared characters (Han: Japanese, Chinese and Korean forms differ). */
  languages: string[];
}

/**
 * Inter draws Latin, Greek and Cyrillic; these draw the rest. Each is a variable font split by unicode-range, so
 * the browser fetches only the pieces a video's text uses, and a Latin-only video fetches none of them.
 */
export const SCRIPT_FONTS: readonly ScriptFont[] = [
  { family: 'Noto Sans Arabic Variable', chars: /\p{Script_Extensions=Arabic}/u, languages: ['ar', 'fa', 'ur'] },
  { family: 'Noto Sans Hebrew Variable', chars: /\p{Script_Extensions=Hebrew}/u, languages: ['he', 'iw', 'yi'] },
  { family: 'Noto Sans Devanagari Variable', chars: /\p{Script_Extensions=Devanagari}/u, languages: ['hi', 'mr', 'ne'] },
  { family: 'Noto Sans Thai Variable', chars: /\p{Script_Extensions=Thai}/u, languages: ['th'] },
  { family: 'Noto Sans JP Variable', chars: /[\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}\p{Script_Extensions=Han}\u3000-\u303F\uFF00-\uFFEF]/u, languages: ['ja'] },
  { family: 'Noto Sans SC Variable', chars: /[\p{Script_Extensions=Han}\u3000-\u303F\uFF00-\uFFEF]/u, languages: ['zh'] },
  { family: 'Noto Sans KR Variable', chars: /[\p{Script_Extensions=Hangul}\u3000-\u303F]/u, languages: ['ko'] },
];

/** Colour emoji: first after the theme's font, so no script family's monochrome symbol stands in for an emoji. */
export const EMOJI_FONT: ScriptFont = { family: EMOJI_FAMILY, chars: EMOJI_CHARS, languages: [] };

/** The families in the order the locale prefers: emoji, then its own script's (a Japanese video's kanji in Japanese forms). */
export function scriptFontOrder(locale: string): ScriptFont[] {
  const lang = locale.split('-')[0]!.toLowerCase();
  const own = SCRIPT_FONTS.filter((f) => f.languages.includes(lang));
  return [EMOJI_FONT, ...own, ...SCRIPT_FONTS.filter((f) => !own.includes(f))];
}

/** The families some character of `text` needs, each with those characters (what document.fonts.load should fetch). */
export function scriptFontsFor(text: string, locale: string): { family: string; sample: string }[] {
  let chars = [...new Set(text)];
  const out: { family: string; sample: string }[] = [];
  for (const font of scriptFontOrder(locale)) {
    // A character goes to the first family that draws it, the one the browser will use.
    const mine = chars.filter((c) => font.chars.test(c));
    chars = chars.filter((c) => !mine.includes(c));
    if (mine.length) out.push({ family: font.family, sample: mine.join('') });
  }
  return out;
}

/** The CSS font stack: the theme's font, the script families by the locale's preference, then system fallbacks. */
export function fontStack(first: string, locale: string): string {
  return [first, ...scriptFontOrder(locale).map((f) => `"${f.family}"`), '"DejaVu Sans"', 'sans-serif'].join(', ');
}
