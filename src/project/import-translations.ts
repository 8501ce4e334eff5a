import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { canonicalLocale } from '../spec/locales';
import { translatableTexts } from '../spec/translatable-texts';
import { loadSpec } from './load-spec';
import { SpecError } from './spec-error';
import { fromCsv, fromXliff, type TranslationFile } from './translation-file';

export interface ImportResult {
  locale: string;
  imported: number;
  /** Paths whose translation is still empty. */
  untranslated: string[];
  /** Paths whose source text changed since the file was extracted: the translation may be out of date. */
  changedSource: string[];
}

/** Reads a translator's CSV or XLIFF by its extension. */
export async function readTranslationFile(file: string, root: string): Promise<TranslationFile> {
  const shown = path.relative(root, path.resolve(root, file)) || file;
  const text = await readFile(path.resolve(root, file), 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new SpecError(shown, [{ path: '$', message: `cannot read the file (${err.code ?? err.message}); check the path` }]);
  });
  return /\.(xlf|xliff)$/i.test(file) ? fromXliff(text, shown) : fromCsv(text, shown);
}

/**
 * Writes a translation file's texts into the spec under `locales[<target>].text`, keeping its voice and settings,
 * and replaces the spec file atomically. Rows naming a text the spec does not have fail the whole import, naming
 * the row; nothing is written then.
 */
export async function importTranslations(specFile: string, translationFile: string, root: string = process.cwd()): Promise<ImportResult> {
  const { file, spec } = await loadSpec(specFile, root);
  const tr = await readTranslationFile(translationFile, root);
  const shownTr = path.relative(root, path.resolve(root, translationFile)) || translationFile;
  const locale = canonicalLocale(tr.targetLocale);
  if (!locale) throw new SpecError(shownTr, [{ path: 'target locale', message: `"${tr.targetLocale}" is not a language tag; the header names the target locale, e.g. de-DE` }]);
  if (locale === spec.locale) throw new SpecError(shownTr, [{ path: 'target locale', message: `${locale} is the spec's own language; its texts are edited in ${file} itself` }]);
  const sources = new Map(translatableTexts(spec).map((t) => [t.path, t.text]));
  const problems = tr.rows.flatMap((r, i) => (sources.has(r.path) ? [] : [{ path: `row ${i + 2} (${r.path || 'no path'})`, message: `${file} has no text at this path; extract again to get the current list` }]));
  if (problems.length) throw new SpecError(shownTr, problems);

  const text: Record<string, string> = {};
  const untranslated: string[] = [];
  const changedSource: string[] = [];
  for (const row of tr.rows) {
    if (row.target.trim()) text[row.path] = row.target;
    else untranslated.push(row.path);
    if (row.source !== sources.get(row.path)) changedSource.push(row.path);
  }
  const full = path.resolve(root, specFile);
  const raw = JSON.parse(await readFile(full, 'utf8')) as { locales?: Record<string, { text?: Record<string, string> }> };
  raw.locales ??= {};
  const key = Object.keys(raw.locales).find((k) => canonicalLocale(k) === locale) ?? locale;
  raw.locales[key] = { ...raw.locales[key], text };
  const tmp = `${full}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(raw, null, 2)}\n`);
  await rename(tmp, full);
  return { locale, imported: Object.keys(text).length, untranslated, changedSource };
}
