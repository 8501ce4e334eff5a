import { describe, expect, it } from 'vitest';
import { fitLabel } from '../../remotion/shared/fit-label';
import { makeValueFormatter } from '../../remotion/shared/format-number';
import { fontStack, scriptFontsFor } from '../../remotion/shared/script-fonts';
import { isRightToLeft, numberingSystemFor } from '../../src/spec/locales';

/** The locale string the composition hands to its graphics: the digits choice as a Unicode extension. */
const withDigits = (locale: string, digits?: 'latin' | 'native') => `${locale}-u-nu-${numberingSystemFor(locale, digits)}`;

describe('numbers follow the locale', () => {
  it('grouping, decimals, percent and compact numbers', () => {
    expect(makeValueFormatter({ locale: withDigits('de-DE'), sample: [1234.5] })(1234.5)).toBe('1.234,5');
    expect(makeValueFormatter({ locale: withDigits('en-US'), sample: [1234.5] })(1234.5)).toBe('1,234.5');
    expect(makeValueFormatter({ locale: withDigits('de-DE'), unit: '%', sample: [54] })(54)).toBe('54\u00a0%');
    expect(makeValueFormatter({ locale: withDigits('en-US'), unit: '%', sample: [54] })(54)).toBe('54%');
    expect(makeValueFormatter({ locale: withDigits('de-DE'), sample: [2_400_000] })(2_400_000)).toBe('2,4\u00a0Mio.');
    expect(makeValueFormatter({ locale: withDigits('ja-JP'), sample: [2_400_000] })(2_400_000)).toBe('240万');
  });

  it('currencies: the symbol and its place are the locale\'s', () => {
    expect(makeValueFormatter({ locale: withDigits('de-DE'), currency: 'EUR', sample: [1234.5] })(1234.5)).toBe('1.234,50\u00a0€');
    expect(makeValueFormatter({ locale: withDigits('en-IE'), currency: 'EUR', sample: [1234.5] })(1234.5)).toBe('€1,234.50');
    expect(makeValueFormatter({ locale: withDigits('ja-JP'), currency: 'JPY', sample: [1234] })(1234)).toBe('￥1,234');
  });

  it('Arabic: Latin digits unless native digits are asked for', () => {
    expect(makeValueFormatter({ locale: withDigits('ar-EG'), sample: [1234] })(1234)).toBe('1,234');
    expect(makeValueFormatter({ locale: withDigits('ar-EG', 'native'), sample: [1234] })(1234)).toBe('١٬٢٣٤');
    expect(makeValueFormatter({ locale: withDigits('ar-EG', 'native'), unit: '%', sample: [54] })(54)).toMatch(/^٥٤٪/);
    // The minus keeps Intl's directional mark before it (ALM U+061C for Arabic digits, LRM U+200E for Latin ones),
    // so the sign stays beside its digits, on the reading side, in a left-to-right chart and in right-to-left text.
    expect(makeValueFormatter({ locale: withDigits('ar-EG', 'native'), unit: '%', sample: [-3.4] })(-3.4)).toBe('\u061c\u2212٣٫٤٪\u061c');
    expect(makeValueFormatter({ locale: withDigits('ar-EG'), unit: '%', sample: [-3.4] })(-3.4)).toBe('\u200e\u22123.4\u200e%\u200e');
    expect(makeValueFormatter({ locale: withDigits('he-IL'), prefix: '$', sample: [-5] })(-5)).toBe('\u200e\u2212$5');
    expect(makeValueFormatter({ locale: withDigits('ar-EG', 'native'), unit: '%', sample: [-0.001] })(-0.001)).toBe('٠٫٠٠٪\u061c');
    expect(isRightToLeft('ar-EG')).toBe(true);
    expect(isRightToLeft('he')).toBe(true);
    expect(isRightToLeft('de-DE')).toBe(false);
  });
});

describe('fonts for the scripts a video uses', () => {
  it('Latin needs no extra font; each other script its Noto family, Han by the locale', () => {
    expect(scriptFontsFor('Grüße, Ελλάδα, Привет', 'de-DE')).toEqual([]);
    expect(scriptFontsFor('نمو الربع', 'ar-EG').map((f) => f.family)).toEqual(['Noto Sans Arabic Variable']);
    expect(scriptFontsFor('四半期の成長', 'ja-JP')).toEqual([{ family: 'Noto Sans JP Variable', sample: '四半期の成長' }]);
    expect(scriptFontsFor('季度增长', 'zh-CN').map((f) => f.family)).toEqual(['Noto Sans SC Variable']);
    expect(scriptFontsFor('성장 שלום नमस्ते สวัสดี', 'en-US').map((f) => f.family).sort()).toEqual(['Noto Sans Devanagari Variable', 'Noto Sans Hebrew Variable', 'Noto Sans KR Variable', 'Noto Sans Thai Variable']);
    expect(fontStack('Inter', 'ja-JP')).toMatch(/^Inter, "Twemoji", "Noto Sans JP Variable", /);
  });
});

describe('long words fit their box', () => {
  // 10 px a character: a stand-in for the browser's measure.
  const measure = (s: string) => [...s].length * 10;
  it('a German compound wider than the slot breaks inside with a hyphen instead of being cut', () => {
    const lines = fitLabel('Empfehlungsprogrammteilnehmer', 150, 2, measure);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/-$/);
    expect(lines.every((l) => measure(l) <= 150)).toBe(true);
    expect(lines.join('').replace('-', '').replace('…', '')).toContain('Empfehlungsprog');
  });
  it('CJK breaks without a hyphen', () => {
    expect(fitLabel('ソーシャルメディア経由', 60, 2, measure)[0]).toBe('ソーシャルメ');
  });
});
