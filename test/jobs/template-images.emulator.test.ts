import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandTemplate } from '../../src/batch/expand-template';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { createHeyGenClient } from '../../src/heygen';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { SpecError } from '../../src/project/spec-error';
import { manifestSchema, type ClipEntry } from '../../src/spec/manifest';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { connectTo } from '../helpers/connect-emulator';
import { frameAt } from '../helpers/frames';
import { SHORT_SPEC, tempProject } from '../helpers/project';

/** A solid PNG in one colour: easy to find again in the template's video. */
function solidPng(rgb: string): Buffer {
  const canvas = createCanvas(96, 96);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = rgb;
  ctx.fillRect(0, 0, 96, 96);
  return canvas.toBuffer('image/png');
}

const welcome = (id: string, name: string, logo: { image: string }): VideoSpecInput => ({
  ...SHORT_SPEC,
  id,
  format: 'landscape-720p',
  scenes: [{ title: 'Welcome', video: { type: 'template', template: 'tpl_welcome', variables: { name, company: 'Acme', logo } } }],
});

const uploads = (e: Emulator) => e.state.requests.filter((r) => r.method === 'POST' && r.path === '/v3/assets').length;
const templateCreates = (e: Emulator) => e.state.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/v3/templates/')).length;

/** How many sampled pixels of the clip's middle frame are near `rgb` (the logo drawn beside the title). */
async function pixelsNear(root: string, clip: ClipEntry, rgb: [number, number, number]): Promise<number> {
  const frame = await frameAt(path.join(root, 'public', clip.file), clip.durationSec / 2);
  let n = 0;
  for (let y = 0; y < frame.height; y += 4) {
    for (let x = 0; x < frame.width; x += 4) {
      const p = frame.pixel(x, y);
      if (Math.hypot(p[0] - rgb[0], p[1] - rgb[1], p[2] - rgb[2]) < 40) n++;
    }
  }
  return n;
}

describe('a template scene\'s image variable from a file under public/ or a URL', () => {
  let emulator: Emulator;
  let project: Awaited<ReturnType<typeof tempProject>>;
  beforeAll(async () => {
    emulator = await startEmulator({});
    project = await tempProject([welcome('ann', 'Ann', { image: 'brand/logo.png' }), welcome('bob', 'Bob', { image: 'brand/logo.png' })]);
    await mkdir(path.join(project.root, 'public/brand'), { recursive: true });
    await writeFile(path.join(project.root, 'public/brand/logo.png'), solidPng('rgb(230,20,30)'));
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.cleanup();
  });

  it('is uploaded once for every spec that names it and shows in each template video', async () => {
    const result = await runPrebuild({ root: project.root, connect: connectTo(emulator) });
    expect(result.failed).toEqual([]);
    expect(result.generated).toBe(2);
    expect(uploads(emulator)).toBe(1);
    // the template is read once to estimate both scenes' length, not once per scene
    expect(emulator.state.requests.filter((r) => r.method === 'GET' && r.path === '/v3/templates/tpl_welcome')).toHaveLength(1);
    const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(project.root, 'public/clips/manifest.json'), 'utf8')));
    const clips = Object.values(manifest.clips);
    expect(clips).toHaveLength(2);
    for (const clip of clips) expect(await pixelsNear(project.root, clip, [230, 20, 30])).toBeGreaterThan(50);
  });

  it('a new picture under the same path makes new videos (content-keyed) and is uploaded once more', async () => {
    await writeFile(path.join(project.root, 'public/brand/logo.png'), solidPng('rgb(20,40,230)'));
    const result = await runPrebuild({ root: project.root, connect: connectTo(emulator) });
    expect(result.failed).toEqual([]);
    expect(result.generated).toBe(2);
    expect(uploads(emulator)).toBe(2);
    expect(templateCreates(emulator)).toBe(4);
  });

  it('a URL is passed as is (nothing uploaded by the prebuild)', async () => {
    const client = createHeyGenClient({ apiKey: 'sk-test', baseUrl: emulator.url, uploadBaseUrl: emulator.url });
    const file = path.join(project.root, 'green.png');
    await writeFile(file, solidPng('rgb(20,200,40)'));
    const asset = await client.assets.upload({ file });
    await client.close();
    const before = uploads(emulator);
    await writeFile(path.join(project.root, project.files[0]!), JSON.stringify(welcome('ann', 'Ann', { image: asset.url })));
    const result = await runPrebuild({ root: project.root, specFiles: [project.files[0]!], connect: connectTo(emulator) });
    expect(result.failed).toEqual([]);
    expect(uploads(emulator)).toBe(before);
    const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(project.root, 'public/clips/manifest.json'), 'utf8')));
    const clip = manifest.clips[result.plan.clips[0]!.key]!;
    expect(await pixelsNear(project.root, clip, [20, 200, 40])).toBeGreaterThan(50);
  });

  it('an image given to a text variable fails that scene with HeyGen\'s message; nothing else is lost', async () => {
    const wrong: VideoSpecInput = { ...welcome('wrong', 'Ann', { image: 'brand/logo.png' }), scenes: [{ title: 'W', video: { type: 'template', template: 'tpl_welcome', variables: { name: { image: 'brand/logo.png' } } } }] };
    await writeFile(path.join(project.root, 'videos/wrong.json'), JSON.stringify(wrong));
    const result = await runPrebuild({ root: project.root, specFiles: ['videos/wrong.json'], connect: connectTo(emulator) });
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.message).toMatch(/name is a text variable/);
  });
});

describe('template image paths and batch rows', () => {
  it('"../" in an image variable is refused before anything is sent, naming the file, the JSON path and the fix', async () => {
    const project = await tempProject([welcome('out', 'Ann', { image: '../secret.png' })]);
    try {
      const err = await runPrebuild({ root: project.root, connect: () => Promise.reject(new Error('nothing may be sent')) }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SpecError);
      expect((err as Error).message).toContain(path.join('videos', 'out.json'));
      expect((err as Error).message).toMatch(/\$\.scenes\[0\]\.video\.variables\.logo\.image: use an http\(s\) URL, or a path inside public\//);
      await writeFile(path.join(project.root, project.files[0]!), JSON.stringify(welcome('out', 'Ann', { image: 'brand/none.png' })));
      const missing = await runPrebuild({ root: project.root, connect: () => Promise.reject(new Error('nothing may be sent')) }).catch((e: unknown) => e);
      expect((missing as Error).message).toContain('at $.scenes[0].video.variables.logo.image: "brand/none.png" is not a file inside public/');
    } finally {
      await project.cleanup();
    }
  });

  it('a batch row fills an image variable like any string', () => {
    const template = welcome('{{id}}', '{{name}}', { image: 'logos/{{logo}}' });
    const { spec, problems } = expandTemplate(template, { row: 1, line: 2, values: { id: 'x', name: 'Zoe', logo: 'zoe.png' } }, 'x');
    expect(problems).toEqual([]);
    expect(spec!.scenes[0]!.video).toEqual({ type: 'template', template: 'tpl_welcome', variables: { name: 'Zoe', company: 'Acme', logo: { image: 'logos/zoe.png' } } });
  });
});
