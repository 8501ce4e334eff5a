import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, TEST_KEY, type Harness } from './harness';
import { audioRms, smallVideo } from './resources/kinds-fixtures';
import { runScript, spawnScript } from '../helpers/processes';

let h: Harness;
beforeAll(async () => {
  // translations take a few seconds, so a run can be killed while its job is in flight
  h = await startHarness({ timing: { pendingMs: 30, processingMinMs: 2_500 } });
});
afterAll(() => h.close());

const online = (): NodeJS.ProcessEnv => ({ ...process.env, HEYGEN_API_KEY: TEST_KEY, HEYGEN_API_BASE_URL: h.emulator.url, HEYGEN_API_GENERATION: 'v3' });

const cli = (script: string, args: string[], env: NodeJS.ProcessEnv) => runScript(script, args, { env, cwd: h.dir });

describe('npm run heygen / npm run translate as child processes', () => {
  it('heygen agent with no key writes an MP4 in which the presenter speaks (the in-process emulator)', async () => {
    const env = { ...process.env };
    delete env.HEYGEN_API_KEY;
    delete env.HEYGEN_BEARER_TOKEN;
    const out = path.join(h.dir, 'agent.mp4');
    const r = await cli('heygen.ts', ['agent', 'Revenue is up.', '--out', out, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: out });
    expect(r.stderr).toMatch(/agent: generating/);
    expect((await audioRms(out)).rms).toBeGreaterThan(0.01);
  });

  it('HeyGen\'s code and message on errors, never the key', async () => {
    const r = await cli('heygen.ts', ['template', 'tpl_welcome', '--var', 'name=Ann', '--var', 'logo=missing.png'], online());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--var logo missing.png does not exist');
    h.emulator.faults.add({ method: 'POST', path: '/v3/video-agents', fault: { type: 'status', status: 402, code: 'insufficient_credit', message: 'Top up the wallet' } });
    const paid = await cli('heygen.ts', ['agent', 'No money.'], online());
    expect(paid.stderr).toContain('402 insufficient_credit: Top up the wallet');
    expect(paid.stderr + paid.stdout).not.toContain(TEST_KEY);
  });

  it('translate: a run killed with SIGKILL mid-job resumes it; no second translation or upload; a re-run pays nothing', async () => {
    const video = path.join(h.dir, 'example.mp4');
    await copyFile(await smallVideo(h.client, h.dir), video);
    const assetsBefore = h.emulator.state.assets.size;
    const child = spawnScript('translate.ts', [video, '--to', 'Spanish (Spain)'], { env: online(), cwd: h.dir });
    await vi.waitFor(() => expect(h.emulator.state.translations.size).toBe(1), { timeout: 60_000, interval: 50 });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const again = await cli('translate.ts', [video, '--to', 'Spanish (Spain)'], online());
    expect(again.code, again.stderr).toBe(0);
    expect(h.emulator.state.translations.size).toBe(1);
    expect(h.emulator.state.assets.size).toBe(assetsBefore + 1);
    const out = path.join(h.dir, 'example.spanish-spain.mp4');
    expect(existsSync(path.join(h.dir, 'example.spanish-spain.srt'))).toBe(true);
    expect((await audioRms(out)).rms).toBeGreaterThan(0.01);
    const third = await cli('translate.ts', [video, '--to', 'Spanish (Spain)'], online());
    expect(third.stdout).toContain('already made, nothing paid');
    expect(h.emulator.state.translations.size).toBe(1);
  });
});
