import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeSheetImage } from './sheet-image';

export interface SheetEntry {
  /** The row's name; with locales, every language of a row shares it and they are shown together. */
  name: string;
  locale?: string;
  /** Unknown for a video an earlier run made, recorded before rows were. */
  row?: number;
  /** kept: in the folder from an earlier run whose row was not part of this one. */
  status: 'rendered' | 'skipped' | 'kept' | 'failed' | 'invalid';
  /** Relative to the sheet. */
  video?: string;
  thumb?: string;
  durationSec?: number;
  message?: string;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const href = (rel: string) => rel.split('/').map(encodeURIComponent).join('/');

/** index.html beside the videos: a still and a link per video, and the rows that failed with their reason. */
export async function writeContactSheet(outDir: string, opts: { title: string; entries: SheetEntry[] }): Promise<string> {
  const card = (e: SheetEntry) => {
      const ok = e.video && (e.status === 'rendered' || e.status === 'skipped' || e.status === 'kept');
      const img = ok && e.thumb ? `<img src="${href(e.thumb)}" alt="${esc(e.name)}" loading="lazy">` : '<div class="none">no video</div>';
      const body = ok ? `<a href="${href(e.video!)}">${img}</a>` : img;
      const meta = ok ? `${e.durationSec?.toFixed(1)} s` : esc(e.message ?? e.status);
      const label = e.locale ? `<b lang="${esc(e.locale)}">${esc(e.locale)}</b>` : `<b>${esc(e.name)}</b>`;
      return `<figure class="${e.status}" data-name="${esc(e.name)}"${e.locale ? ` data-locale="${esc(e.locale)}"` : ''}>${body}<figcaption>${label} <span>${e.row === undefined ? 'earlier run' : `row ${e.row}`}${e.status === 'kept' ? ' (not in this run)' : ''} · ${ok ? `<a href="${href(e.video!)}">${esc(path.basename(e.video!))}</a> · ` : ''}${meta}</span></figcaption></figure>`;
  };
  const groups = groupByRow(opts.entries);
  // With locales: one line per data row, its languages side by side, so a translation is compared at a glance.
  const cards = groups
    ? groups.map((g) => `<section class="row" data-name="${esc(g.name)}"><h2>${esc(g.name)}</h2><div class="locales">${g.entries.map(card).join('')}</div></section>`).join('\n')
    : opts.entries.map(card).join('\n');
  const image = groups ? await writeSheetImage(path.join(outDir, SHEET_IMAGE), groups, outDir) : null;
  const videos = opts.entries.filter((e) => e.status === 'rendered' || e.status === 'skipped' || e.status === 'kept').length;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(opts.title)}</title>
<style>
body{font:14px system-ui,sans-serif;margin:24px;background:#0f172a;color:#e2e8f0}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px}
main.rows{display:block}section.row{margin:0 0 20px}section.row h2{font-size:16px;margin:0 0 8px}
.locales{display:grid;grid-auto-flow:column;grid-auto-columns:260px;gap:12px;overflow-x:auto}
figure{margin:0;background:#1e293b;border-radius:8px;overflow:hidden}
figure img{width:100%;display:block}
figure.failed,figure.invalid{outline:2px solid #f87171}
.none{aspect-ratio:16/9;display:grid;place-items:center;color:#94a3b8}
figcaption{padding:8px 10px}figcaption span{color:#94a3b8;display:block;margin-top:2px;white-space:pre-wrap}
a{color:#7dd3fc}
</style></head>
<body><h1>${esc(opts.title)}</h1><p>${videos} video(s) in this folder · ${esc(new Date().toISOString())}</p>
${image ? `<p><a href="${SHEET_IMAGE}">${SHEET_IMAGE}</a>: every row's languages in one picture</p>\n` : ''}<main${groups ? ' class="rows"' : ''}>
${cards}
</main></body></html>
`;
  const file = path.join(outDir, 'index.html');
  await writeFile(`${file}.tmp`, html);
  await rename(`${file}.tmp`, file);
  return file;
}

/** The picture of a batch with locales: one line of stills per data row, a column per language. */
export const SHEET_IMAGE = 'contact-sheet.jpg';

/** Entries grouped by row name in first-seen order, or null when no entry has a locale (one card per video then). */
export function groupByRow(entries: SheetEntry[]): { name: string; entries: SheetEntry[] }[] | null {
  if (!entries.some((e) => e.locale)) return null;
  const groups = new Map<string, SheetEntry[]>();
  for (const e of entries) groups.set(e.name, [...(groups.get(e.name) ?? []), e]);
  return [...groups].map(([name, list]) => ({ name, entries: list }));
}
