import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSpec } from '../src/project/load-spec';
import { SpecError } from '../src/project/spec-error';
import { importTranslations } from '../src/project/import-translations';
import { toCsv, toXliff, translationRows } from '../src/project/translation-file';
import { canonicalLocale } from '../src/spec/locales';
import { localizeSpec, specLocales } from '../src/spec/localize-spec';

const USAGE = `Usage: npm run locales -- <command>
  extract <spec.json> --to <locale> [--out FILE]   every text with its JSON path and source, for a translator
                                                  (FILE .csv: a spreadsheet; .xlf/.xliff: translation tools;
                                                  default translations/<id>.<locale>.csv; existing translations filled in)
  import <spec.json> <FILE>                       writes the file's translations into the spec's locales.<locale>.text
  status <spec.json>                              per locale: translated texts and what is missing`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { to: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
});
const [command, specFile, file] = positionals;
const root = process.cwd();

async function extract(): Promise<void> {
  const locale = values.to ? canonicalLocale(values.to) : null;
  if (!specFile || !locale) throw new SpecError('locales extract', [{ path: '--to', message: 'name the spec and the target language: extract videos/example.json --to de-DE' }]);
  const { spec } = await loadSpec(specFile, root);
  const rows = translationRows(spec, locale);
  const out = path.resolve(root, values.out ?? path.join('translations', `${spec.id}.${locale}.csv`));
  const text = /\.(xlf|xliff)$/i.test(out) ? toXliff(rows, path.relative(root, path.resolve(root, specFile))) : toCsv(rows);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(`${out}.tmp`, text);
  await rename(`${out}.tmp`, out);
  const done = rows.rows.filter((r) => r.target).length;
  console.error(`${path.relative(root, out)}: ${rows.rows.length} texts (${done} already translated). Fill in the ${locale} column, then: npm run locales -- import ${specFile} ${path.relative(root, out)}`);
}

async function importFile(): Promise<void> {
  if (!specFile || !file) throw new SpecError('locales import', [{ path: 'arguments', message: 'name the spec and the translation file: import videos/example.json translations/example.de-DE.csv' }]);
  const r = await importTranslations(specFile, file, root);
  console.error(`${specFile}: ${r.imported} ${r.locale} text(s) imported.`);
  if (r.untranslated.length) console.error(`  still untranslated (${r.untranslated.length}): ${r.untranslated.join(', ')}`);
  if (r.changedSource.length) console.error(`  warning: the source text changed since extraction (check these translations): ${r.changedSource.join(', ')}`);
}

async function status(): Promise<void> {
  if (!specFile) throw new SpecError('locales status', [{ path: 'arguments', message: 'name the spec: status videos/example.json' }]);
  const { file: shown, spec } = await loadSpec(specFile, root);
  for (const locale of specLocales(spec)) {
    const r = localizeSpec(spec, locale);
    const state = locale === spec.locale ? 'source' : r.problems.length ? `${r.problems.length} problem(s)` : 'complete';
    console.log(`${shown} ${locale.padEnd(8)} ${state}${r.spec.voice.id ? `  voice ${r.spec.voice.id}` : ''}`);
    for (const p of r.problems) console.log(`    ${p.path}: ${p.message}`);
  }
}

try {
  if (values.help || !command) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  if (command === 'extract') await extract();
  else if (command === 'import') await importFile();
  else if (command === 'status') await status();
  else {
    console.error(`unknown command "${command}"\n${USAGE}`);
    process.exit(2);
  }
} catch (err) {
  console.error(err instanceof SpecError ? err.message : `locales failed: ${(err as Error).message}`);
  process.exit(err instanceof SpecError ? 2 : 1);
}
