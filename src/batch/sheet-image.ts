import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import type { SheetEntry } from './contact-sheet';

/** Height of the label under each still. */
export const LABEL_HEIGHT = 28;

async function stillOf(outDir: string, e: SheetEntry): Promise<Image | null> {
  if (!e.thumb || !['rendered', 'skipped', 'kept'].includes(e.status)) return null;
  return loadImage(path.join(outDir, e.thumb)).catch(() => null);
}

/**
 * A JPEG grid: a line per row, a column per language (in the order first seen), each still labelled
 * "<row> · <locale>"; a language a row has no video in is a dark tile saying why. Tiles take the largest still's size.
 */
export async function writeSheetImage(file: string, groups: { name: string; entries: SheetEntry[] }[], outDir: string): Promise<string> {
  const locales = [...new Set(groups.flatMap((g) => g.entries.map((e) => e.locale ?? '')))];
  const stills = await Promise.all(groups.map((g) => Promise.all(locales.map((l) => g.entries.find((e) => (e.locale ?? '') === l)).map((e) => (e ? stillOf(outDir, e) : null)))));
  const all = stills.flat().filter((s): s is Image => !!s);
  const w = Math.max(320, ...all.map((s) => s.width));
  const h = Math.max(...all.map((s) => s.height), Math.round((w * 9) / 16));
  const canvas = createCanvas(w * locales.length, (h + LABEL_HEIGHT) * groups.length);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#0f172a';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.font = '16px sans-serif';
  ctx.textBaseline = 'middle';
  groups.forEach((g, r) =>
    locales.forEach((locale, c) => {
      const x = c * w;
      const y = r * (h + LABEL_HEIGHT);
      const entry = g.entries.find((e) => (e.locale ?? '') === locale);
      const still = stills[r]![c];
      if (still) ctx.drawImage(still, x + (w - still.width) / 2, y + (h - still.height) / 2);
      else {
        ctx.fillStyle = '#1e293b';
        ctx.fillRect(x + 1, y + 1, w - 2, h - 2);
        ctx.fillStyle = '#f87171';
        ctx.fillText(entry ? entry.status : 'not made', x + 12, y + h / 2, w - 24);
      }
      ctx.fillStyle = '#e2e8f0';
      ctx.fillText(`${g.name} · ${locale || 'source'}`, x + 8, y + h + LABEL_HEIGHT / 2, w - 16);
    }),
  );
  await writeFile(`${file}.partial.jpg`, await canvas.encode('jpeg', 80));
  await rename(`${file}.partial.jpg`, file);
  return file;
}
