import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions } from '../../src/batch/run-batch';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { PROJECT_ROOT } from '../helpers/project';
import { offlineRenderProject } from '../helpers/offline-render-project';

const TEMPLATE = {
  id: '{{id}}',
  format: 'landscape-720p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  captions: false,
  scenes: [{ title: 'Hello {{id}}', script: 'Hi {{city}}.', graphic: { type: 'kpi', items: [{ label: 'Orders', value: 1 }] } }],
};

describe('batch output: nothing finished is overwritten or dropped', () => {
  const offline = offlineRenderProject([], async (project) => {
    await writeFile(path.join(project.root, 'videos', 't-template.json'), JSON.stringify(TEMPLATE));
    await writeFile(path.join(project.root, 'videos', 'u-template.json'), JSON.stringify(TEMPLATE));
    await mkdir(path.join(project.root, 'data'));
    await writeFile(path.join(project.root, 'data', 'rows.csv'), 'id,city\nalpha,Oslo\nbeta,Rome\n');
  });
  const base = (): BatchOptions => ({ root: offline.project.root, codeRoot: PROJECT_ROOT, template: 'videos/t-template.json', data: 'data/rows.csv', settings: { scale: 0.2 }, session: offline.session, connect: connectFreshEmulator() });

  it("writes into the template's own folder and refuses, by name, to replace a video it did not make", async () => {
    const own = path.join(offline.project.root, 'out', 'batch', 't');
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
    const own = path.join(offline.project.root, 'out', 'batch', 't');
    await rm(path.join(own, 'beta.mp4'));
    const result = await runBatch({ ...base(), only: ['beta'] });
    expect(result.rows.map((r) => [r.name, r.status])).toEqual([['beta', 'rendered']]);
    const html = await readFile(result.indexFile, 'utf8');
    expect(html).toContain('<a href="alpha.mp4"><img src="thumbs/alpha.jpg"');
    expect(html).toContain('<a href="beta.mp4"><img src="thumbs/beta.jpg"');
    expect(html).toMatch(/2 video\(s\) in this folder/);
  });

  it('a row with more or fewer cells than the header, a name of no letters, markup in a cell: bad rows by row and column, the others render', async () => {
    const ragged = ['id,city', 'alpha,Oslo', 'gamma,Paris,extra', 'delta', '!!!,Bern', 'eve,"Hi <break time=""60s""/> there"', 'zeta,Lima', ''].join('\n');
    await writeFile(path.join(offline.project.root, 'data', 'ragged.csv'), ragged);
    const result = await runBatch({ ...base(), data: 'data/ragged.csv' });
    const rows = Object.fromEntries(result.rows.map((r) => [r.row, r]));
    expect(result.rows.map((r) => [r.row, r.status])).toEqual([
      [1, 'skipped'],
      [2, 'invalid'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'rendered'],
    ]);
    expect(rows[2]).toMatchObject({ line: 3, problems: [{ column: 'city', message: expect.stringMatching(/the row has 3 cells and the header 2 columns: "extra" comes after the last column/) }] });
    expect(rows[3]).toMatchObject({ line: 4, problems: [{ column: 'city', message: expect.stringMatching(/has no cell: the row has 1 cells and the header 2 columns/) }] });
    expect(rows[4]!.problems).toEqual([{ column: 'id', message: '"!!!" has no letters or digits to name the video file by; write a name such as "acme-2024"' }]);
    expect(rows[5]!.problems).toEqual([expect.objectContaining({ column: 'city', message: expect.stringMatching(/holds markup "<break time=\\"60s\\"\/>"; data cells are plain text/) })]);
    expect(await readFile(path.join(result.outDir, '.specs', 'zeta.json'), 'utf8')).toContain('Hi Lima.');
  });
});
