import { parse } from 'csv-parse/sync';
import { translatableTexts } from '../spec/translatable-texts';
import type { VideoSpec } from '../spec/video-spec';
import { SpecError } from './spec-error';

/** One text for a translator: where it is, what it is, the source and (when known) its translation. */
export interface TranslationRow {
  path: string;
  kind: string;
  source: string;
  target: string;
}

export interface TranslationFile {
  sourceLocale: string;
  targetLocale: string;
  rows: TranslationRow[];
}

/** Every text of the spec with the translation it already has in `locale` (empty when none). */
export function translationRows(spec: VideoSpec, locale: string): TranslationFile {
  const entry = Object.entries(spec.locales ?? {}).find(([tag]) => tag.toLowerCase() === locale.toLowerCase())?.[1];
  const rows = translatableTexts(spec).map((t) => ({ path: t.path, kind: t.kind, source: t.text, target: entry?.text[t.path] ?? '' }));
  return { sourceLocale: spec.locale, targetLocale: locale, rows };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * CSV a spreadsheet opens as is: UTF-8 with a byte-order mark (so Excel reads accents, Arabic and CJK), every
 * field quoted, CRLF lines. Columns: path, kind, the source locale, the target locale.
 */
export function toCsv(file: TranslationFile): string {
  const lines = [['path', 'kind', file.sourceLocale, file.targetLocale], ...file.rows.map((r) => [r.path, r.kind, r.source, r.target])];
  return `\uFEFF${lines.map((cols) => cols.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Reads a translator's CSV back; `name` is how errors refer to the file. */
export function fromCsv(text: string, name: string): TranslationFile {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new SpecError(name, [{ path: '$', message: `not a readable CSV (${(err as Error).message}); save it as CSV (UTF-8) with the four columns path, kind, source, translation` }]);
  }
  const [header, ...body] = records;
  if (!header || header.length !== 4 || header[0] !== 'path') {
    throw new SpecError(name, [{ path: 'line 1', message: 'the first line must be the header path,kind,<source locale>,<target locale> as written by `npm run locales -- extract`' }]);
  }
  return {
    sourceLocale: header[2]!,
    targetLocale: header[3]!,
    rows: body.map(([path, kind, source, target]) => ({ path: path!, kind: kind!, source: source!, target: target! })),
  };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** XLIFF 1.2, what translation tools (OmegaT, Trados, Poedit, Weblate) import: one trans-unit per text, id = its JSON path. */
export function toXliff(file: TranslationFile, original: string): string {
  const units = file.rows.map(
    (r) =>
      `      <trans-unit id="${escapeXml(r.path)}" resname="${escapeXml(r.path)}">\n        <source>${escapeXml(r.source)}</source>\n` +
      `        <target${r.target ? '' : ' state="needs-translation"'}>${escapeXml(r.target)}</target>\n        <note>${escapeXml(r.kind)}</note>\n      </trans-unit>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="${escapeXml(original)}" source-language="${escapeXml(file.sourceLocale)}" target-language="${escapeXml(file.targetLocale)}" datatype="plaintext">
    <body>
${units.join('\n')}
    </body>
  </file>
</xliff>
`;
}

/** Reads the XLIFF 1.2 written by toXliff (and by tools that keep its trans-unit ids). */
export function fromXliff(text: string, name: string): TranslationFile {
  const file = /<file\b([^>]*)>/.exec(text);
  const attr = (tag: string, key: string) => new RegExp(`\\b${key}="([^"]*)"`).exec(tag)?.[1];
  if (!file || !attr(file[1]!, 'target-language')) {
    throw new SpecError(name, [{ path: '<file>', message: 'not an XLIFF 1.2 file with source-language and target-language; export it again as XLIFF 1.2' }]);
  }
  const rows: TranslationRow[] = [];
  for (const m of text.matchAll(/<trans-unit\b([^>]*)>([\s\S]*?)<\/trans-unit>/g)) {
    const inner = m[2]!;
    const part = (tag: string) => new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(inner)?.[1] ?? '';
    rows.push({ path: unescapeXml(attr(m[1]!, 'id') ?? ''), kind: unescapeXml(part('note')), source: unescapeXml(part('source')), target: unescapeXml(part('target')) });
  }
  return { sourceLocale: unescapeXml(attr(file[1]!, 'source-language') ?? ''), targetLocale: unescapeXml(attr(file[1]!, 'target-language')!), rows };
}
