import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HeadlessBrowser } from '@remotion/renderer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions } from '../../src/batch/run-batch';
import { bundleProject, type ProjectBundle } from '../../src/render/bundle-project';
import { openRenderBrowser } from '../../src/render/open-render-browser';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { PROJECT_ROOT, tempProject } from '../helpers/project';

const TEMPLATE = {
  id: '{{id}}',
  format: 'landscape-720p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  captions: false,
  scenes: [{ title: 'Hello {{id}}', script: 'Hi.', graphic: { type: 'kpi', items: [{ label: 'Orders', value: 1 }] } }],
};

describe('batch output: nothing finished is overwritten or dropped', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let bundle: ProjectBundle;
  let browser: HeadlessBrowser;
  const savedKey = process.env.HEYGEN_API_KEY;
  const base = (): BatchOptions => ({ root: project.root, codeRoot: PROJECT_ROOT, template: 'videos/t-template.json', data: 'data/rows.csv', scale: 0.2, serveUrl: bundle.serveUrl, browser, connect: connectFreshEmulator() });

  beforeAll(async () => {
    delete process.env.HEYGEN_API_KEY;
    project = await tempProject([]);
    await writeFile(path.join(project.root, 'videos', 't-template.json'), JSON.stringify(TEMPLATE));
    await writeFile(path.join(project.root, 'videos', 'u-template.json'), JSON.stringify(TEMPLATE));
    await mkdir(path.join(project.root, 'data'));
    await writeFile(path.join(project.root, 'data', 'rows.csv'), 'id\nalpha\nbeta\n');
    [bundle, browser] = await Promise.all([bundleProject({ root: PROJECT_ROOT, publicDir: path.join(project.root, 'public') }), openRenderBrowser(PROJECT_ROOT)]);
  });

  afterAll(async () => {
    if (savedKey !== undefined) process.env.HEYGEN_API_KEY = savedKey;
    await browser?.close({ silent: true });
    await bundle?.dispose();
    await project?.cleanup();
  });

  it("writes into the template's own folder and refuses, by name, to replace a video it did not make", async () => {
    const own = path.join(project.root, 'out', 'batch', 't');
    await mkdir(own, { recursive: true });
    await writeFile(path.join(own, 'beta.mp4'), 'the user made this one');
    const result = await runBatch({ ...base(), only: ['alpha', 'beta'] });
    expect(result.outDir).toBe(own);
    expect(result.rows.map((r) => [r.name, r.status])).toEqual([
      ['alpha', 'rendered'],
      ['beta', 'failed'],
    ]);
    expect(result.rows[1]!.error).toMatch(/out\/batch\/t\/beta\.mp4 is already there and this batch did not make it; move it away or pass --out/);
    expect(await readFile(path.join(own, 'beta.mp4'), 'utf8')).toBe('the user made this one');

    // Another template pointed at this folder does not take alpha.mp4 for its own.
    const other = await runBatch({ ...base(), template: 'videos/u-template.json', outDir: own, only: ['alpha'], force: true });
    expect(other.rows[0]).toMatchObject({ name: 'alpha', status: 'failed', error: expect.stringMatching(/alpha\.mp4 was made by the template videos\/t-template\.json; pass --out/) });
  });

  it('the contact sheet lists every video in the folder, also those an --only run did not touch', async () => {
    const own = path.join(project.root, 'out', 'batch', 't');
    await rm(path.join(own, 'beta.mp4'));
    const result = await runBatch({ ...base(), only: ['beta'] });
    expect(result.rows.map((r) => [r.name, r.status])).toEqual([['beta', 'rendered']]);
    const html = await readFile(result.indexFile, 'utf8');
    expect(html).toContain('<a href="alpha.mp4"><img src="thumbs/alpha.jpg"');
    expect(html).toContain('<a href="beta.mp4"><img src="thumbs/beta.jpg"');
    expect(html).toMatch(/2 video\(s\) in this folder/);
  });
});
