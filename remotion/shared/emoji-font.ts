/** What asks for the emoji font: a pictograph or a flag letter (joiners and variation selectors ride along). */
export const EMOJI_CHARS = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

/**
 * The emoji font's unicode-range: exactly the characters of EMOJI_CHARS (the tests check it), plus the joiners of
 * emoji sequences. Exact, because a character in the range that FontGate did not wait for would make the browser
 * fetch the font mid-render, and frames drawn before it arrived would differ from the rest.
 */
export const EMOJI_UNICODE_RANGE =
  'U+A9, U+AE, U+203C, U+2049, U+2122, U+2139, U+2194-2199, U+21A9-21AA, U+231A-231B, U+2328, U+23CF, U+23E9-23F3, U+23F8-23FA, U+24C2, U+25AA-25AB, U+25B6, U+25C0, U+25FB-25FE, U+2600-2604, U+260E, U+2611, U+2614-2615, U+2618, U+261D, U+2620, U+2622-2623, U+2626, U+262A, U+262E-262F, U+2638-263A, U+2640, U+2642, U+2648-2653, U+265F-2660, U+2663, U+2665-2666, U+2668, U+267B, U+267E-267F, U+2692-2697, U+2699, U+269B-269C, U+26A0-26A1, U+26A7, U+26AA-26AB, U+26B0-26B1, U+26BD-26BE, U+26C4-26C5, U+26C8, U+26CE-26CF, U+26D1, U+26D3-26D4, U+26E9-26EA, U+26F0-26F5, U+26F7-26FA, U+26FD, U+2702, U+2705, U+2708-270D, U+270F, U+2712, U+2714, U+2716, U+271D, U+2721, U+2728, U+2733-2734, U+2744, U+2747, U+274C, U+274E, U+2753-2755, U+2757, U+2763-2764, U+2795-2797, U+27A1, U+27B0, U+27BF, U+2934-2935, U+2B05-2B07, U+2B1B-2B1C, U+2B50, U+2B55, U+3030, U+303D, U+3297, U+3299, ' +
  'U+1F000-1FFFD, U+200D, U+20E3, U+FE0F, U+E0020-E007F';

/** The family name the font stack and FontGate use. */
export const EMOJI_FAMILY = 'Twemoji';

/**
 * Declares Twemoji (twemoji-colr-font, a COLRv0 font: the bundled Chromium paints COLRv0 glyphs, while Noto Color
 * Emoji's COLRv1 ones come out empty) for the emoji ranges only, so a video without emoji never fetches it.
 */
export function registerEmojiFont(url: string): void {
  if (typeof document === 'undefined' || typeof FontFace === 'undefined') return;
  if ([...document.fonts].some((f) => f.family.replace(/"/g, '') === EMOJI_FAMILY)) return;
  document.fonts.add(new FontFace(EMOJI_FAMILY, `url(${url}) format("woff2")`, { unicodeRange: EMOJI_UNICODE_RANGE }));
}
