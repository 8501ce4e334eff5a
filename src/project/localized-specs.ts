import { localizeSpec } from '../spec/localize-spec';
import { canonicalLocale } from '../spec/locales';
import type { LoadedSpec } from './load-spec';
import { FlagError } from '../lib/cli-flags';
import { SpecError } from './spec-error';
import { specLocales } from '../spec/localize-spec';

/** Which languages to make: the spec's own (default, written to out/<id>.mp4), every one it has, or a list. */
export type LocaleSelection = { kind: 'source' } | { kind: 'all' } | { kind: 'list'; locales: string[] };

export interface LocalizedLoadedSpec extends LoadedSpec {
  locale: string;
  /** Part of the output name: `<id><suffix>.mp4`, "" for the source-only default, ".de-DE" when locales were asked for. */
  suffix: string;
  /** Texts that kept the source language (`--fallback source`), as JSON paths. */
  fellBack: string[];
}

/** Reads `--locale X` / `--locales all|X,Y`; both absent means the source language only. */
export function parseLocaleSelection(values: { locale?: string; locales?: string }): LocaleSelection {
  const raw = [values.locale, values.locales].filter((v): v is string => Boolean(v)).join(',');
  if (!raw) return { kind: 'source' };
  const parts = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.includes('all')) return { kind: 'all' };
  for (const p of parts) {
    if (!canonicalLocale(p)) throw new FlagError(`--locale ${p}: not a language tag; use e.g. de-DE, ar-EG, ja-JP, or "all"`);
  }
  return { kind: 'list', locales: parts.map((p) => canonicalLocale(p)!) };
}

/** The fallback flag's value: "source" (missing translations keep the source text, with a warning) or none. */
export function parseFallback(value: string | undefined): 'source' | 'none' {
  if (value === undefined || value === 'none') return 'none';
  if (value === 'source') return 'source';
  throw new FlagError(`--fallback ${value}: use --fallback source (missing translations keep the source text) or leave it out`);
}

/**
 * One loaded spec per requested language. Every problem of every spec and locale (a missing translation, a
 * translation of a text that no longer exists, a language the spec is not made in) is gathered into one error
 * naming the file, the locale and the JSON path.
 */
export function localizeLoadedSpecs(specs: LoadedSpec[], selection: LocaleSelection, fallback: 'source' | 'none' = 'none'): LocalizedLoadedSpec[] {
  const out: LocalizedLoadedSpec[] = [];
  const problems: { file: string; path: string; message: string }[] = [];
  for (const loaded of specs) {
    const wanted = selection.kind === 'source' ? [loaded.spec.locale] : selection.kind === 'all' ? specLocales(loaded.spec) : selection.locales;
    for (const locale of wanted) {
      const result = localizeSpec(loaded.spec, locale, { fallback });
      problems.push(...result.problems.map((p) => ({ file: loaded.file, path: p.path, message: `${result.locale}: ${p.message}` })));
      out.push({ file: loaded.file, spec: result.spec, locale: result.locale, suffix: selection.kind === 'source' ? '' : `.${result.locale}`, fellBack: result.fellBack });
    }
  }
  if (problems.length) {
    const files = [...new Set(problems.map((p) => p.file))];
    throw new SpecError(files.join(', '), problems.map((p) => ({ path: files.length > 1 ? `${p.file} ${p.path}` : p.path, message: p.message })));
  }
  return out;
}

/** The warning for texts that kept the source language, or null when every text was translated. */
export function fallbackWarning(specs: LocalizedLoadedSpec[]): string | null {
  const lines = specs.flatMap((s) => s.fellBack.map((p) => `  ${s.file} ${s.locale} ${p}`));
  return lines.length ? `warning: ${lines.length} text(s) have no translation and keep the source text (--fallback source):\n${lines.join('\n')}` : null;
}
