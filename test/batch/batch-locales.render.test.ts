import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions } from '../../src/batch/run-batch';
import { formatBatchSummary } from '../../src/batch/batch-reporter';
import { LABEL_HEIGHT } from '../../src/batch/sheet-image';
import { ffprobe } from '../../src/media/ffmpeg';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { PROJECT_ROOT } from '../helpers/project';
import { offlineRenderProject } from '../helpers/offline-render-project';

// The title differs per language (and per row), so each still can be told from the others.
const TEMPLATE = {
  id: '{{id}}',
  format: 'landscape-720p',
  locale: 'en-US',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  captions: false,
  scenes: [{ title: 'Hello {{id}}', script: 'Hi {{city}}.', graphic: { type: 'kpi', items: [{ label: 'Orders', value: 1 }] } }],
  locales: {
    'de-DE': { text: { '$.scenes[0].title': 'Hallo {{id}}, willkommen', '$.scenes[0].script': 'Hallo {{city}}.', '$.scenes[0].graphic.items[0].label': 'Bestellungen' } },
    'fr-FR': { text: { '$.scenes[0].title': 'Bonjour {{id}} !', '$.scenes[0].script': 'Salut {{city}}.', '$.scenes[0].graphic.items[0].label': 'Commandes' } },
  },
};

/** Mean absolute difference (0–255) between a region of `sheet` and a whole still of the same size. */
async function difference(sheet: Awaited<ReturnType<typeof loadImage>>, x: number, y: number, stillFile: string): Promise<number> {
  const still = await loadImage(stillFile);
  const a = createCanvas(still.width, still.height).getContext('2d');
  a.drawImage(sheet, -x, -y);
  const b = createCanvas(still.width, still.height).getContext('2d');
  b.drawImage(still, 0, 0);
  const pa = a.getImageData(0, 0, still.width, still.height).data;
  const pb = b.getImageData(0, 0, still.width, still.height).data;
  let sum = 0;
  for (let i = 0; i < pa.length; i++) sum += Math.abs(pa[i]! - pb[i]!);
  return sum / pa.length;
}

describe('batch with locales: every row × language, one bundle and one browser', () => {
  const offline = offlineRenderProject([], async (project) => {
    await writeFile(path.join(project.root, 'videos', 't-template.json'), JSON.stringify(TEMPLATE));
    await mkdir(path.join(project.root, 'data'));
    // Row 3 has an empty cell: it is refused in every language asked for.
    await writeFile(path.join(project.root, 'data', 'rows.csv'), 'id,city\nalpha,Oslo\nbeta,Rome\ngamma,\n');
  });
  const base = (): BatchOptions => ({ root: offline.project.root, codeRoot: PROJECT_ROOT, template: 'videos/t-template.json', data: 'data/rows.csv', settings: { scale: 0.2 }, session: offline.session, connect: connectFreshEmulator() });

  it('writes <id>.<locale>.mp4 per row × locale, groups each row\'s locales in the contact sheet and counts per locale', async () => {
    const result = await runBatch({ ...base(), locales: { kind: 'list', locales: ['de-DE', 'fr-FR'] } });
    expect(result.rows.map((r) => [r.name, r.locale, r.status])).toEqual([
      ['alpha', 'de-DE', 'rendered'],
      ['alpha', 'fr-FR', 'rendered'],
      ['beta', 'de-DE', 'rendered'],
      ['beta', 'fr-FR', 'rendered'],
      ['gamma', 'de-DE', 'invalid'],
      ['gamma', 'fr-FR', 'invalid'],
    ]);
    for (const name of ['alpha', 'beta']) {
      for (const locale of ['de-DE', 'fr-FR']) {
        const probe = await ffprobe(path.join(result.outDir, `${name}.${locale}.mp4`));
        expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 256, height: 144 });
        expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
        const spec = JSON.parse(await readFile(path.join(result.outDir, '.specs', `${name}.${locale}.json`), 'utf8'));
        expect(spec.locale).toBe(locale);
        expect(spec.scenes[0].title).toMatch(locale === 'de-DE' ? `Hallo ${name}` : `Bonjour ${name}`);
      }
    }

    // The picture: a line per row that has videos or problems, a column per locale, each still where it belongs.
    const sheet = await loadImage(await readFile(path.join(result.outDir, 'contact-sheet.jpg')));
    const tileH = 180 + LABEL_HEIGHT;
    expect([sheet.width, sheet.height]).toEqual([2 * 320, 3 * tileH]);
    const stills = ['alpha', 'beta'].flatMap((name, r) => ['de-DE', 'fr-FR'].map((locale, c) => ({ x: c * 320, y: r * tileH, file: path.join(result.outDir, 'thumbs', `${name}.${locale}.jpg`) })));
    for (const tile of stills) {
      const own = await difference(sheet, tile.x, tile.y, tile.file);
      for (const other of stills.filter((s) => s !== tile)) expect(own).toBeLessThan(await difference(sheet, tile.x, tile.y, other.file));
    }

    const html = await readFile(result.indexFile, 'utf8');
    const sections = [...html.matchAll(/<section class="row" data-name="([a-z]+)">(.*?)<\/section>/g)].map((m) => [m[1], [...m[2]!.matchAll(/data-locale="([^"]+)"/g)].map((l) => l[1])]);
    expect(sections).toEqual([
      ['alpha', ['de-DE', 'fr-FR']],
      ['beta', ['de-DE', 'fr-FR']],
      ['gamma', ['de-DE', 'fr-FR']],
    ]);
    expect(html).toContain('<a href="alpha.de-DE.mp4"><img src="thumbs/alpha.de-DE.jpg"');

    const perLocale = { rendered: 2, skipped: 0, failed: 0, invalid: 1 };
    const summary = JSON.parse(await readFile(path.join(result.outDir, 'summary.json'), 'utf8'));
    expect(summary.perLocale).toEqual({ 'de-DE': perLocale, 'fr-FR': perLocale });
    expect(summary.total).toEqual({ rendered: 4, skipped: 0, failed: 0, invalid: 2 });
    const printed = formatBatchSummary(result, offline.project.root);
    expect(printed).toMatch(/^ {2}de-DE: 2 rendered, 0 skipped \(finished\), 0 failed, 1 invalid$/m);
    expect(printed).toMatch(/^ {2}fr-FR: 2 rendered, 0 skipped \(finished\), 0 failed, 1 invalid$/m);
    const record = JSON.parse(await readFile(path.join(result.outDir, '.records', 'beta.fr-FR.json'), 'utf8'));
    expect(record).toMatchObject({ name: 'beta', locale: 'fr-FR', file: 'beta.fr-FR.mp4', row: 2 });
  });

  it('--locales all adds the source language; finished locales are skipped, only the new one renders, and a missing translation is refused by locale and path', async () => {
    const all = await runBatch({ ...base(), only: ['alpha'], locales: { kind: 'all' } });
    expect(all.rows.map((r) => [r.locale, r.status])).toEqual([
      ['en-US', 'rendered'],
      ['de-DE', 'skipped'],
      ['fr-FR', 'skipped'],
    ]);
    const { 'fr-FR': fr, ...rest } = TEMPLATE.locales;
    const partial = { ...TEMPLATE, locales: { ...rest, 'fr-FR': { text: { ...fr.text, '$.scenes[0].graphic.items[0].label': undefined } } } };
    await writeFile(path.join(offline.project.root, 'videos', 't-template.json'), JSON.stringify(partial));
    const missing = await runBatch({ ...base(), only: ['beta'], locales: { kind: 'list', locales: ['de-DE', 'fr-FR'] } });
    expect(missing.rows.map((r) => [r.locale, r.status])).toEqual([
      ['de-DE', 'skipped'],
      ['fr-FR', 'invalid'],
    ]);
    expect(missing.rows[1]!.error).toMatch(/\$\.locales\["fr-FR"\]\.text\["\$\.scenes\[0\]\.graphic\.items\[0\]\.label"\]: fr-FR: no fr-FR translation/);
  });
});
