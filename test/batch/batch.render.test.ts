import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchEvent, type BatchOptions } from '../../src/batch/run-batch';
import { ffprobe } from '../../src/media/ffmpeg';
import { startEmulator } from '../../src/emulator/server';
import { connectFreshEmulator, connectTo } from '../helpers/connect-emulator';
import { PROJECT_ROOT } from '../helpers/project';
import { offlineRenderProject } from '../helpers/offline-render-project';

const require = createRequire(import.meta.url);
const TSX = require.resolve('tsx');
const BATCH_CLI = path.join(PROJECT_ROOT, 'scripts', 'batch.ts');

const TEMPLATE = {
  id: '{{id}}',
  format: 'landscape-1080p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  captions: false,
  scenes: [{ title: 'Hello {{name}}', script: 'Hi {{name}}.', graphic: { type: 'kpi', items: [{ label: 'Orders', value: '{{orders}}' }] } }],
};

// Rows 3 and 5 are bad: an empty cell, and a cell that is not a number where the spec needs one.
const CSV = ['id,name,orders', 'acme,Acme,1200', 'globex,Globex,"3,400"', 'initech,,50', 'umbrella,Umbrella,75', 'hooli,Hooli,lots', ''].join('\n');
const GOOD_CSV = ['id,name,orders', 'acme,Acme,1200', 'globex,Globex,"3,400"', 'umbrella,Umbrella,75', ''].join('\n');

describe('batch: template + rows -> videos', () => {
  const offline = offlineRenderProject([], async (project) => {
    await writeFile(path.join(project.root, 'videos', 't-template.json'), JSON.stringify(TEMPLATE));
    await import('node:fs/promises').then((fs) => fs.mkdir(path.join(project.root, 'data')));
    await writeFile(path.join(project.root, 'data', 'rows.csv'), CSV);
    await writeFile(path.join(project.root, 'data', 'good.csv'), GOOD_CSV);
  });
  const base = (): BatchOptions => ({ root: offline.project.root, codeRoot: PROJECT_ROOT, template: 'videos/t-template.json', data: 'data/rows.csv', settings: { scale: 0.25 }, session: offline.session, prebuildConcurrency: 3, connect: connectFreshEmulator() });

  it('renders the good rows offline, reports the bad ones by row and column, and writes a contact sheet', async () => {
    const events: BatchEvent[] = [];
    const result = await runBatch({ ...base(), onEvent: (e) => events.push(e) });
    expect(result.rows.map((r) => [r.row, r.name, r.status])).toEqual([
      [1, 'acme', 'rendered'],
      [2, 'globex', 'rendered'],
      [3, 'initech', 'invalid'],
      [4, 'umbrella', 'rendered'],
      [5, 'hooli', 'invalid'],
    ]);
    expect(result.rows[2]).toMatchObject({ line: 4, problems: [expect.objectContaining({ column: 'name', message: expect.stringMatching(/is empty/) })] });
    expect(result.rows[4]).toMatchObject({ line: 6, problems: [expect.objectContaining({ column: 'orders', path: '$.scenes[0].graphic.items[0].value' })] });

    for (const name of ['acme', 'globex', 'umbrella']) {
      const probe = await ffprobe(path.join(result.outDir, `${name}.mp4`));
      const video = probe.streams.find((s) => s.codec_type === 'video');
      expect(video).toMatchObject({ codec_name: 'h264', width: 480, height: 270 });
      expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
      expect(Number(probe.format.duration)).toBeGreaterThan(1);
      const spec = JSON.parse(await readFile(path.join(result.outDir, '.specs', `${name}.json`), 'utf8'));
      expect(typeof spec.scenes[0].graphic.items[0].value).toBe('number');
    }
    expect(JSON.parse(await readFile(path.join(result.outDir, '.specs', 'globex.json'), 'utf8')).scenes[0].graphic.items[0].value).toBe(3400);

    const html = await readFile(result.indexFile, 'utf8');
    expect(html.match(/<a href="[a-z]+\.mp4"><img/g)).toHaveLength(3);
    for (const name of ['acme', 'globex', 'umbrella']) {
      expect(html).toContain(`<img src="thumbs/${name}.jpg"`);
      const thumb = await ffprobe(path.join(result.outDir, 'thumbs', `${name}.jpg`));
      expect(thumb.streams[0]).toMatchObject({ codec_name: 'mjpeg', width: 320 });
    }
    expect(html).toMatch(/data-name="hooli".*&#34;lots&#34; is not a number/);
    // One prebuild for every row: three different scripts, three clips.
    const plan = events.find((e) => e.type === 'prebuild' && e.event.type === 'plan');
    expect(plan && plan.type === 'prebuild' && plan.event.type === 'plan' && plan.event.plan.clips.length).toBe(3);
  });

  it('skips finished videos on a re-run without asking HeyGen, and re-renders only a changed row', async () => {
    // A re-run may ask who answers (one free read) but must not create a video.
    const emulator = await startEmulator();
    const noHeyGen = connectTo(emulator);
    const again = await runBatch({ ...base(), connect: noHeyGen });
    expect(again.rows.filter((r) => r.status === 'skipped').map((r) => r.name)).toEqual(['acme', 'globex', 'umbrella']);

    await writeFile(path.join(offline.project.root, 'data', 'rows.csv'), CSV.replace('umbrella,Umbrella,75', 'umbrella,Umbrella,80'));
    const changed = await runBatch({ ...base(), connect: noHeyGen, only: ['umbrella', 'acme'] });
    expect(changed.rows.map((r) => [r.name, r.status])).toEqual([
      ['acme', 'skipped'],
      ['umbrella', 'rendered'],
    ]);
    expect(emulator.stats.creates).toBe(0);
    await emulator.close();
    await expect(runBatch({ ...base(), only: ['nobody'] })).rejects.toThrow(/--only nobody: no such row in data\/rows\.csv \(names: acme, globex/);
  });

  it('resumes after the batch process is killed mid-render: finished videos kept, the rest done, no partial left', async () => {
    const out = path.join(offline.project.root, 'out', 'killed');
    const killed = await new Promise<{ sawSecond: boolean }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', TSX, BATCH_CLI, '--template', 'videos/t-template.json', '--data', 'data/good.csv', '--out', out, '--scale', '0.25', '--no-overlap'], {
        cwd: offline.project.root,
        env: { ...process.env, HEYGEN_API_KEY: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let sawSecond = false;
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (!sawSecond && /render \[2\/3\] globex: \d+\/\d+ frames/.test(err)) {
          sawSecond = true;
          child.kill('SIGKILL');
        }
      });
      child.on('error', reject);
      child.on('close', (code, signal) => (signal === 'SIGKILL' ? resolve({ sawSecond }) : reject(new Error(`batch exited ${code} before it was killed:\n${err}`))));
    });
    expect(killed.sawSecond).toBe(true);
    expect(existsSync(path.join(out, 'acme.mp4'))).toBe(true);
    expect(existsSync(path.join(out, 'globex.mp4'))).toBe(false);

    const resumed = await runBatch({ ...base(), data: 'data/good.csv', outDir: out });
    expect(resumed.rows.map((r) => [r.name, r.status])).toEqual([
      ['acme', 'skipped'],
      ['globex', 'rendered'],
      ['umbrella', 'rendered'],
    ]);
    const files = await readdir(out);
    expect(files.filter((f) => f.includes('partial'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.mp4')).sort()).toEqual(['acme.mp4', 'globex.mp4', 'umbrella.mp4']);
    expect(files).not.toContain('.lock');
  }, 300_000); // two batch runs, one a fresh CLI process that bundles, on a shared machine
});
