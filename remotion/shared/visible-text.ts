import { translatableTexts } from '../../src/spec/translatable-texts';
import type { TemplateProps } from './template-schema';

/**
 * Every character the video may draw: its texts and captions, and numbers as the locale writes them (digits,
 * separators, percent and currency signs, compact suffixes), so the fonts for all of them load before frame one.
 */
export function visibleText(spec: TemplateProps, numberLocale: string): string {
  const texts = translatableTexts(spec).map((t) => t.text);
  const words = (spec.captionTracks ?? []).flatMap((track) => (track ? JSON.stringify(track) : []));
  const nf = (o: Intl.NumberFormatOptions) => {
    try {
      return new Intl.NumberFormat(numberLocale, o).format(-1234567.89);
    } catch {
      return '';
    }
  };
  const currencies = spec.scenes.flatMap((s) => {
    const g = s.graphic;
    if (g?.type === 'kpi') return g.items.flatMap((i) => (i.currency ? [i.currency] : []));
    return (g?.type === 'bar' || g?.type === 'line') && g.currency ? [g.currency] : [];
  });
  const numbers = [nf({}), nf({ style: 'percent' }), nf({ notation: 'compact' }), nf({ notation: 'compact', compactDisplay: 'long' }), ...currencies.map((c) => nf({ style: 'currency', currency: c }))];
  return [...texts, ...words, ...numbers, '0123456789'].join(' ');
}
