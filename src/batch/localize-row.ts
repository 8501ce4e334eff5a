import type { LocaleSelection } from '../project/localized-specs';
import { localizeSpec, specLocales, type LocalizedSpec } from '../spec/localize-spec';
import { canonicalLocale } from '../spec/locales';
import type { VideoSpec } from '../spec/video-spec';
import type { RowProblem } from './expand-template';

/** The languages a batch makes from this template: the list asked for, or (`all`) the template's own and its `locales`. */
export function batchLocales(template: unknown, selection: LocaleSelection): string[] {
  if (selection.kind === 'list') return selection.locales;
  const t = (template ?? {}) as { locale?: unknown; locales?: unknown };
  const own = typeof t.locale === 'string' ? t.locale : 'en-US';
  const others = t.locales && typeof t.locales === 'object' ? Object.keys(t.locales) : [];
  return [...new Set([own, ...others].map((l) => canonicalLocale(l) ?? l))];
}

/** One row's spec in every language asked for; a language it cannot be made in carries its problems by JSON path. */
export function localizeRow(spec: VideoSpec, selection: LocaleSelection, fallback: 'source' | 'none' = 'none'): (Omit<LocalizedSpec, 'problems'> & { problems: RowProblem[] })[] {
  const wanted = selection.kind === 'list' ? selection.locales : specLocales(spec);
  return wanted.map((locale) => {
    const l = localizeSpec(spec, locale, { fallback });
    return { ...l, problems: l.problems.map((p) => ({ path: p.path, message: `${l.locale}: ${p.message}` })) };
  });
}
