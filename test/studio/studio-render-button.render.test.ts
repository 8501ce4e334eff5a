import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { ffprobe } from '../../src/media/ffmpeg';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { frameAt, type Frame } from '../helpers/frames';
import { PROJECT_ROOT, tempProject } from '../helpers/project';
import { monoSamples, onsetSec } from '../remotion/helpers/render-kit';
import { launchProjectBrowser, openComposition, startStudio, stopStudio } from '../helpers/studio-session';

const require = createRequire(import.meta.url);
const TSX = require.resolve('tsx');

// One short scene (~1.5 s) at the smallest format: two renders of it stay cheap on two cores.
const SPEC: VideoSpecInput = {
  id: 'studio-render',
  format: 'landscape-720p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  scenes: [{ title: 'Sales', script: 'Sales went up.', graphic: { type: 'bar', data: [{ label: 'A', value: 1 }, { label: 'B', value: 3 }] } }],
};
const STEP_MS = 120_000;

/** `npm run render -- videos/<id>.json --out FILE` in the project, without a HeyGen key; resolves with its stderr. */
function cliRender(root: string, out: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, path.join(PROJECT_ROOT, 'scripts', 'render.ts'), `videos/${SPEC.id}.json`, '--out', out], {
      cwd: root,
      env: { ...process.env, HEYGEN_API_KEY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(log) : reject(new Error(`npm run render exited with ${code}:\n${log}`))));
  });
}

/** Mean absolute difference per channel (0-255) and the share of pixels that differ clearly. */
function compare(a: Frame, b: Frame): { mean: number; clearly: number } {
  let sum = 0;
  let clearly = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
    sum += d;
    if (d > 60) clearly++;
  }
  const pixels = a.data.length / 4;
  return { mean: sum / (pixels * 3), clearly: clearly / pixels };
}

describe("Studio's Render button (real browser, offline)", () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let studio: { child: ChildProcess; url: string; output: () => string } | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    project = await tempProject([SPEC]);
    const built = await runPrebuild({ root: project.root, connect: connectFreshEmulator() });
    expect(built.failed).toEqual([]);
  }, STEP_MS);

  afterAll(async () => {
    await stopStudio(studio, browser);
    await project?.cleanup();
  });

  it('renders the spec to the same MP4 as npm run render', { timeout: 4 * STEP_MS }, async () => {
    const t0 = Date.now();
    const mark = (what: string) => console.log(`[studio render test] ${what} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const cliOut = path.join(project.root, 'out', 'cli.mp4');
    const cliLog = await cliRender(project.root, cliOut);
    // Only `npm run studio` writes the index of videos/: a render must not go looking for it (a 404 in every render).
    expect(cliLog).not.toContain('_studio');
    mark('npm run render done');

    studio = await startStudio(project.root);
    browser = await launchProjectBrowser();
    const page = await openComposition(browser, studio.url, SPEC.id, 30);
    await page.waitForFunction(() => document.body.innerText.includes('Sales'), null, { timeout: STEP_MS, polling: 250 });
    // What a user does: Render, keep every default but the file name, Render video.
    await page.getByRole('button', { name: 'Render', exact: true }).click();
    const studioOut = path.join(project.root, 'out', 'studio.mp4');
    await page.locator(`input[value="out/${SPEC.id}.mp4"]`).fill(studioOut);
    await page.getByRole('button', { name: /^Render video/ }).click();
    await expect.poll(() => /Done in \d+ms|Failed to render/.exec(studio!.output())?.[0], { timeout: STEP_MS, interval: 250 }).toMatch(/^Done/);
    mark('Studio render done');

    const [cli, fromStudio] = await Promise.all([ffprobe(cliOut), ffprobe(studioOut)]);
    const video = (p: typeof cli) => p.streams.find((s) => s.codec_type === 'video')!;
    const audio = (p: typeof cli) => p.streams.find((s) => s.codec_type === 'audio');
    for (const key of ['codec_name', 'width', 'height', 'nb_frames', 'r_frame_rate'] as const) expect(video(fromStudio)[key], key).toBe(video(cli)[key]);
    expect(video(fromStudio).codec_name).toBe('h264');
    expect(audio(cli)?.codec_name).toBe('aac');
    expect(audio(fromStudio)?.codec_name).toBe('aac');
    expect(Math.abs(Number(fromStudio.format.duration) - Number(cli.format.duration))).toBeLessThan(0.1);

    // The same pictures: the first frame, the presenter mid-sentence, near the end (a seek past the last frame finds none).
    // Measured: identical settings differ by at most 0.03 mean and 9 pixels (presenter decoding); one more character
    // in the title made 0.00024 of the pixels clearly differ.
    const frames = Number(video(cli).nb_frames);
    for (const frame of [0, Math.floor(frames / 2), frames - 3]) {
      const t = (frame + 0.5) / 30;
      const diff = compare(await frameAt(cliOut, t), await frameAt(studioOut, t));
      console.log(`[studio render test] frame ${frame}: mean ${diff.mean.toFixed(3)}, clearly ${diff.clearly.toFixed(5)}`);
      expect(diff.mean, `frame ${frame}: mean difference`).toBeLessThan(0.2);
      expect(diff.clearly, `frame ${frame}: share of clearly different pixels`).toBeLessThan(0.00005);
    }

    // The voice starts at the same moment in both (Remotion's own AAC mux plays it 43 ms late; see mux-audio.ts).
    const rate = 48_000;
    const [onCli, onStudio] = (await Promise.all([monoSamples(cliOut, rate), monoSamples(studioOut, rate)])).map((s) => onsetSec(s, rate));
    console.log(`[studio render test] voice onset: npm run render ${onCli} s, Studio ${onStudio} s`);
    expect(onCli).not.toBeNull();
    expect(Math.abs(onStudio! - onCli!)).toBeLessThan(0.005);
  });
});
