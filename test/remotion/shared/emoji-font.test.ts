import { describe, expect, it } from 'vitest';
import { EMOJI_CHARS, EMOJI_UNICODE_RANGE } from '../../../remotion/shared/emoji-font';
import { fontStack, scriptFontsFor } from '../../../remotion/shared/script-fonts';

/** The code points a CSS unicode-range names. */
function inRange(range: string): (cp: number) => boolean {
  const spans = range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-').map((h) => parseInt(h, 16));
    return [from!, to ?? from!] as const;
  });
  return (cp) => spans.some(([a, b]) => cp >= a && cp <= b);
}

describe('the emoji font', () => {
  it('its unicode-range is exactly the characters that make FontGate load it (plus emoji joiners)', () => {
    const covered = inRange(EMOJI_UNICODE_RANGE);
    const joiners = new Set([0x200d, 0x20e3, 0xfe0f]);
    for (let cp = 0; cp < 0x1f000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const wanted = EMOJI_CHARS.test(String.fromCodePoint(cp)) || joiners.has(cp);
      if (covered(cp) !== wanted) throw new Error(`U+${cp.toString(16)}: in the range ${covered(cp)}, an emoji ${wanted}`);
    }
    for (const c of '🚀🎉😀👍🇩🇪🥲🫠') expect(covered(c.codePointAt(0)!)).toBe(true);
    // The KPI arrows, digits and letters are never drawn by it.
    for (const c of '▲▼1A€٬あ') expect(covered(c.codePointAt(0)!)).toBe(false);
  });

  it('is loaded only for text with emoji, and comes before the script fonts', () => {
    expect(scriptFontsFor('Launch day, Grüße', 'en-US')).toEqual([]);
    expect(scriptFontsFor('🚀 Launch', 'en-US')).toEqual([{ family: 'Twemoji', sample: '🚀' }]);
    expect(scriptFontsFor('発売 🎉', 'ja-JP').map((f) => f.family)).toEqual(['Twemoji', 'Noto Sans JP Variable']);
    expect(fontStack('Inter', 'ja-JP')).toMatch(/^Inter, "Twemoji", "Noto Sans JP Variable", /);
  });
});
