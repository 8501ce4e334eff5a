import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface SheetEntry {
  name: string;
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
  const cards = opts.entries
    .map((e) => {
      const ok = e.video && (e.status === 'rendered' || e.status === 'skipped' || e.status === 'kept');
      const img = ok && e.thumb ? `<img src="${href(e.thumb)}" alt="${esc(e.name)}" loading="lazy">` : '<div class="none">no video</div>';
      const body = ok ? `<a href="${href(e.video!)}">${img}</a>` : img;
      const meta = ok ? `${e.durationSec?.toFixed(1)} s` : esc(e.message ?? e.status);
      return `<figure class="${e.status}" data-name="${esc(e.name)}">${body}<figcaption><b>${esc(e.name)}</b> <span>${e.row === undefined ? 'earlier run' : `row ${e.row}`}${e.status === 'kept' ? ' (not in this run)' : ''} · ${ok ? `<a href="${href(e.video!)}">${esc(path.basename(e.video!))}</a> · ` : ''}${meta}</span></figcaption></figure>`;
    })
    .join('\n');
  const videos = opts.entries.filter((e) => e.status === 'rendered' || e.status === 'skipped' || e.status === 'kept').length;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(opts.title)}</title>
<style>
body{font:14px system-ui,sans-serif;margin:24px;background:#0f172a;color:#e2e8f0}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px}
figure{margin:0;background:#1e293b;border-radius:8px;overflow:hidden}
figure img{width:100%;display:block}
figure.failed,figure.invalid{outline:2px solid #f87171}
.none{aspect-ratio:16/9;display:grid;place-items:center;color:#94a3b8}
figcaption{padding:8px 10px}figcaption span{color:#94a3b8;display:block;margin-top:2px;white-space:pre-wrap}
a{color:#7dd3fc}
</style></head>
<body><h1>${esc(opts.title)}</h1><p>${videos} video(s) in this folder · ${esc(new Date().toISOString())}</p>
<main>
${cards}
</main></body></html>
`;
  const file = path.join(outDir, 'index.html');
  await writeFile(`${file}.tmp`, html);
  await rename(`${file}.tmp`, file);
  return file;
}
