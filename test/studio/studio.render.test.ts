import type { ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeLayout } from '../../remotion/shared/layout';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import type { Rect } from '../../remotion/shared/rect';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { commandOf, descendantsOf } from '../helpers/processes';
import { tempProject } from '../helpers/project';
import { launchProjectBrowser, openComposition, startStudio, stopStudio } from '../helpers/studio-session';

const SPEC: VideoSpecInput = {
  id: 'studio-demo',
  format: 'landscape-720p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  scenes: [
    {
      title: 'Orders by month',
      script: 'Orders grew every month this quarter, and March was the best month we have ever had by far.',
      graphic: { type: 'bar', data: [{ label: 'Jan', value: 3 }, { label: 'Feb', value: 5 }, { label: 'Mar', value: 9 }] },
    },
  ],
};
const FILE = 'videos/studio-demo.json';
// 4 s in: past the title card, the bars have grown, the presenter is speaking.
const FRAME = 120;
// Where the template puts the presenter and the chart at 1280x720 (the presenter clip of a 16:9 video is square).
const LAYOUT = computeLayout({ template: 'explainer', width: 1280, height: 720, framing: 'pip', side: 'right', clipAspect: 1, captions: true, logo: false });

interface Shot {
  width: number;
  data: Uint8ClampedArray;
  scale: number;
}

async function shoot(page: Page): Promise<Shot> {
  const png = await page.locator('.remotion-studio-composition-container').screenshot();
  const img = await loadImage(png);
  const ctx = createCanvas(img.width, img.height).getContext('2d');
  ctx.drawImage(img, 0, 0);
  return { width: img.width, data: ctx.getImageData(0, 0, img.width, img.height).data, scale: img.width / 1280 };
}

/** Share of the pixels in `r` (composition pixels) for which `test` holds. */
function share(shot: Shot, r: Rect, test: (red: number, green: number, blue: number) => boolean): number {
  let hit = 0;
  let all = 0;
  for (let y = Math.round(r.y * shot.scale); y < Math.round((r.y + r.height) * shot.scale); y++) {
    for (let x = Math.round(r.x * shot.scale); x < Math.round((r.x + r.width) * shot.scale); x++) {
      const i = (y * shot.width + x) * 4;
      all++;
      if (test(shot.data[i]!, shot.data[i + 1]!, shot.data[i + 2]!)) hit++;
    }
  }
  return hit / Math.max(1, all);
}

// Skin, hair and clothes of the presenter are warm; the backdrop, the chart and the placeholder are blue or grey.
const warm = (r: number, _g: number, b: number) => r > b + 40;
// The bars: the theme's sky blue (#38bdf8) fading darker.
const chartBlue = (r: number, g: number, b: number) => b > 150 && g > 100 && r < 90 && b > r + 80;
const inFrame = (r: Rect): Rect => {
  const x = Math.max(0, r.x);
  const y = Math.max(0, r.y);
  return { x, y, width: Math.min(1280, r.x + r.width) - x, height: Math.min(720, r.y + r.height) - y };
};

// Each step (Studio's first build, a rebuild after an edit, a clip decoding) gets this long before the test fails.
const STEP_MS = 90_000;

const bodyText = async (page: Page, text: string, present = true, log?: () => string) => {
  // `log`: wait for the line in Studio's terminal output instead of the page.
  if (log) return expect.poll(() => log().includes(text), { timeout: STEP_MS, interval: 250 }).toBe(present);
  await page.waitForFunction(([t, p]) => document.body.innerText.includes(t as string) === p, [text, present] as const, { timeout: STEP_MS, polling: 250 });
};

describe('npm run studio (real browser)', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let studio: { child: ChildProcess; url: string; output: () => string };
  let browser: Browser;

  beforeAll(async () => {
    const t0 = Date.now();
    project = await tempProject([SPEC]);
    studio = await startStudio(project.root);
    browser = await launchProjectBrowser();
    console.log(`[studio test] Studio and browser ready after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }, 600_000);

  afterAll(async () => {
    // Only does something when a step above failed before the last test stopped them.
    await stopStudio(studio, browser);
    await project?.cleanup();
  });

  it('shows a spec with its clips and chart, follows edits on disk, saves props-panel edits into the spec, shows a broken spec\'s errors', { timeout: 300_000 }, async () => {
    const t0 = Date.now();
    const mark = (what: string) => console.log(`[studio test] ${what} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const page = await openComposition(browser, studio.url, SPEC.id, FRAME);

    // Before the prebuild: the chart, and the placeholder that names the command for this spec.
    await bodyText(page, `npm run prebuild -- ${FILE}`);
    mark('placeholder shown');
    const before = await shoot(page);
    expect(share(before, LAYOUT.graphic, chartBlue)).toBeGreaterThan(0.05);
    expect(share(before, inFrame(LAYOUT.presenter.body), warm)).toBeLessThan(0.01);

    // A prebuild while Studio is open brings the clip in: the presenter replaces the placeholder.
    mark('prebuild starts');
    const built = await runPrebuild({ root: project.root, connect: connectFreshEmulator() });
    expect(built.failed).toEqual([]);
    await bodyText(page, 'Presenter clip not built yet', false);
    // @remotion/media's <Video> decodes with WebCodecs and paints a <canvas> (no <video> element): wait for its pixels.
    let withClip = await shoot(page);
    await expect.poll(async () => share((withClip = await shoot(page)), inFrame(LAYOUT.presenter.body), warm), { timeout: STEP_MS, interval: 250 }).toBeGreaterThan(0.05);
    mark('clip shown');
    expect(share(withClip, LAYOUT.graphic, chartBlue)).toBeGreaterThan(0.05);

    // The scene title edited in the file shows up without a restart, in the pixels of the title.
    const text = await readFile(path.join(project.root, FILE), 'utf8');
    await writeFile(path.join(project.root, FILE), text.replace('"Orders by month"', '"Orders, month by month"'));
    await bodyText(page, 'Orders, month by month');
    mark('new title shown');
    const retitled = await shoot(page);
    const titleDiff = countDiff(withClip, retitled, LAYOUT.title);
    expect(titleDiff).toBeGreaterThan(0.02);

    // Studio's props panel: the field saves when it loses focus, and only that value changes in the file.
    const beforeSave = await readFile(path.join(project.root, FILE), 'utf8');
    const field = page.locator('input[name="scenes.0.title"]');
    await field.fill('Orders in Q3');
    await field.press('Tab');
    await bodyText(page, `saved into ${FILE}`, true, studio.output);
    const afterSave = await readFile(path.join(project.root, FILE), 'utf8');
    const changed = afterSave.split('\n').filter((line, i) => line !== beforeSave.split('\n')[i]);
    expect(changed).toEqual(['      "title": "Orders in Q3",']);
    expect(afterSave.split('\n').length).toBe(beforeSave.split('\n').length);

    // A broken spec shows its file, JSON path and fix in place of the video.
    await writeFile(path.join(project.root, FILE), afterSave.replace('"landscape-720p"', '"landscape-999p"'));
    await bodyText(page, '$.format');
    expect(await page.evaluate(() => document.body.innerText)).toContain(`${FILE} is not a valid spec`);
    mark('error shown');
    const broken = await shoot(page);
    // The error card's dark red fills the frame.
    expect(share(broken, { x: 0, y: 0, width: 1280, height: 720 }, (r, g, b) => r > g + 8 && r > b + 5 && r < 60)).toBeGreaterThan(0.5);
  });

  it('stops Studio and the browser by their process ids, leaving nothing behind', async () => {
    const studioPid = studio.child.pid!;
    const below = descendantsOf(studioPid);
    const browserPids = descendantsOf(process.pid).filter((p) => !below.includes(p) && p !== studioPid && /chrom/i.test(commandOf(p)));
    expect(below.length).toBeGreaterThan(0);
    expect(browserPids.length).toBeGreaterThan(0);
    for (const p of browserPids) process.kill(p, 'SIGTERM');
    const exited = new Promise((r) => studio.child.once('exit', r));
    process.kill(studioPid, 'SIGTERM');
    await exited;
    const alive = () =>
      [...below, ...browserPids].filter((p) => {
        try {
          process.kill(p, 0);
          return true;
        } catch {
          return false;
        }
      });
    await expect.poll(alive, { timeout: 20_000, interval: 200 }).toEqual([]);
  });
});

/** Share of pixels in `r` that differ clearly between two shots. */
function countDiff(a: Shot, b: Shot, r: Rect): number {
  let diff = 0;
  let all = 0;
  for (let y = Math.round(r.y * a.scale); y < Math.round((r.y + r.height) * a.scale); y++) {
    for (let x = Math.round(r.x * a.scale); x < Math.round((r.x + r.width) * a.scale); x++) {
      const i = (y * a.width + x) * 4;
      all++;
      if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!) > 60) diff++;
    }
  }
  return diff / Math.max(1, all);
}
