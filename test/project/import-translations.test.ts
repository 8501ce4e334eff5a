import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import example from '../../videos/example.json';
import { importTranslations } from '../../src/project/import-translations';
import { loadSpec } from '../../src/project/load-spec';
import { SpecError } from '../../src/project/spec-error';
import { fromCsv, fromXliff, toCsv, toXliff, translationRows } from '../../src/project/translation-file';
import { localizeSpec } from '../../src/spec/localize-spec';
import { translatableTexts } from '../../src/spec/translatable-texts';
import { videoSpecSchema } from '../../src/spec/video-spec';

/** A spec whose texts hold what breaks naive CSV and XML: quotes, commas, newlines, ampersands, angle brackets. */
function trickySpec() {
  const input = structuredClone(example) as Record<string, unknown> & { scenes: Record<string, unknown>[]; locales?: unknown };
  delete input.locales;
  input.scenes[0]!.script = 'Say "hello", then <break time="1s"/> & wait;\nnew line.';
  input.scenes[1]!.overlays = [{ text: 'Q3, 2024 — "final" <draft>' }];
  input.scenes[1]!.graphic = { type: 'kpi', items: [{ label: 'Umsatz', value: 1, unit: '%' }, { label: 'Kunden', value: 2, prefix: '$' }] };
  return input;
}

async function project(spec: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'locales-'));
  await writeFile(path.join(dir, 'spec.json'), JSON.stringify(spec, null, 2));
  return dir;
}

/** What a translator does: every row's target becomes a translation that keeps the awkward characters. */
const translate = (s: string) => `«${s}» ١٢ 日本語 "x", y`;

describe('extract and import round-trip every string', () => {
  it.each(['csv', 'xlf'])('%s: every text out with its JSON path and source, every translation back in', async (ext) => {
    const dir = await project(trickySpec());
    const { spec } = await loadSpec('spec.json', dir);
    const file = translationRows(spec, 'de-DE');
    expect(file.rows.map((r) => r.path)).toEqual(translatableTexts(spec).map((t) => t.path));
    // "%" and "$" have no words to translate; the labels and the script do.
    expect(file.rows.map((r) => r.path)).not.toContain('$.scenes[1].graphic.items[0].unit');
    const written = ext === 'csv' ? toCsv(file) : toXliff(file, 'spec.json');
    const read = ext === 'csv' ? fromCsv(written, 'x.csv') : fromXliff(written, 'x.xlf');
    expect(read).toEqual(file);
    const filled = { ...read, rows: read.rows.map((r) => ({ ...r, target: translate(r.source) })) };
    await writeFile(path.join(dir, `t.${ext}`), ext === 'csv' ? toCsv(filled) : toXliff(filled, 'spec.json'));

    const result = await importTranslations('spec.json', `t.${ext}`, dir);
    expect(result).toMatchObject({ locale: 'de-DE', imported: file.rows.length, untranslated: [], changedSource: [] });
    const after = (await loadSpec('spec.json', dir)).spec;
    const de = localizeSpec(after, 'de-DE');
    expect(de.problems).toEqual([]);
    expect(translatableTexts(de.spec).map((t) => t.text)).toEqual(translatableTexts(spec).map((t) => translate(t.text)));
    // Re-extracting shows the translations already made.
    expect(translationRows(after, 'de-DE').rows.every((r) => r.target === translate(r.source))).toBe(true);
  });

  it('a row naming a text the spec does not have fails, naming the row, and leaves the spec as it was', async () => {
    const dir = await project(trickySpec());
    const { spec } = await loadSpec('spec.json', dir);
    const file = translationRows(spec, 'fr-FR');
    file.rows.push({ path: '$.scenes[9].title', kind: 'scene title', source: 'Gone', target: 'Parti' });
    await writeFile(path.join(dir, 't.csv'), toCsv(file));
    const before = await readFile(path.join(dir, 'spec.json'), 'utf8');
    const err = await importTranslations('spec.json', 't.csv', dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).message).toMatch(/t\.csv[\s\S]*row \d+ \(\$\.scenes\[9\]\.title\): spec\.json has no text at this path/);
    expect(await readFile(path.join(dir, 'spec.json'), 'utf8')).toBe(before);
  });

  it('a damaged file is refused with what to do', () => {
    expect(() => fromCsv('"path","kind"\n"a"', 'bad.csv')).toThrow(/bad\.csv/);
    expect(() => fromXliff('<xliff><file></file></xliff>', 'bad.xlf')).toThrow(/target-language/);
    expect(videoSpecSchema.safeParse(trickySpec()).success).toBe(true);
  });
});
