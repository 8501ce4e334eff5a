import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffprobe } from '../../src/media/ffmpeg';
import { ClipStore } from '../../src/project/clip-store';
import { runPrebuild, type PrebuildResult } from '../../src/jobs/run-prebuild';
import { openRenderSession } from '../../src/render/render-session';
import { renderSpec } from '../../src/render/render-spec';
import { manifestSchema, type Manifest } from '../../src/spec/manifest';
import { buildTimeline } from '../../src/spec/timeline';
import { videoSpecSchema, type VideoSpecInput } from '../../src/spec/video-spec';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { mountBundle, type MountedBundle } from '../helpers/mount-bundle';
import { frameAt } from '../helpers/frames';
import { tempProject } from '../helpers/project';

const MIXED: VideoSpecInput = {
  id: 'mixed',
  format: 'landscape-720p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  scenes: [
    { title: 'Presenter', script: 'Sales went up.', graphic: { type: 'bar', data: [{ label: 'A', value: 1 }, { label: 'B', value: 3 }] } },
    { title: 'From a template', video: { type: 'template', template: 'tpl_welcome', variables: { name: 'Ann', company: 'Acme' } } },
    { title: 'From Video Agent', video: { type: 'agent', prompt: 'Hi.' } },
  ],
};

// Offline: presenter scenes, a template scene and a Video Agent scene in one timeline, rendered to one MP4.
describe('a spec mixing presenter, template and Video Agent scenes', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let bundle: MountedBundle;
  let first: PrebuildResult;
  let manifest: Manifest;
  const savedKey = process.env.HEYGEN_API_KEY;

  beforeAll(async () => {
    delete process.env.HEYGEN_API_KEY;
    project = await tempProject([MIXED]);
    first = await runPrebuild({ root: project.root, concurrency: 3, connect: connectFreshEmulator() });
    manifest = manifestSchema.parse(JSON.parse(await readFile(new ClipStore(project.root).manifestFile, 'utf8')));
    bundle = await mountBundle(path.join(project.root, 'public'));
  });

  afterAll(async () => {
    if (savedKey !== undefined) process.env.HEYGEN_API_KEY = savedKey;
    await bundle?.dispose();
    await project?.cleanup();
  });

  it('the prebuild makes one clip per scene: a presenter clip and two full-frame videos with their words', () => {
    expect(first.failed).toEqual([]);
    expect(first.generated).toBe(3);
    const sizes = Object.values(manifest.clips).map((c) => `${c.width}x${c.height}`).sort();
    expect(sizes).toEqual(['1280x720', '1280x720', '720x720']);
    expect(Object.values(manifest.clips).some((c) => c.words?.some((w) => w.word.includes('Acme')))).toBe(true);
  });

  it('renders one MP4 whose template scene shows the template video full frame, with sound throughout', async () => {
    const out = path.join(project.root, 'out', 'mixed.mp4');
    const session = await openRenderSession({ serveUrl: bundle.serveUrl, settings: { scale: 0.25 } });
    try {
      await renderSpec(session, { root: project.root, specFile: project.files[0]!, outFile: out });
    } finally {
      await session.close();
    }
    const probe = await ffprobe(out);
    expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    const timeline = buildTimeline(videoSpecSchema.parse(MIXED), manifest, 30);
    expect(timeline.scenes.map((s) => Boolean(s.fullFrame))).toEqual([false, true, true]);
    expect(Math.abs(Number(probe.format.duration) - timeline.durationInFrames / 30)).toBeLessThan(0.1);
    // mid template scene, the frame's top-left corner is the template's title card, not the presenter scene's backdrop
    const template = timeline.scenes[1]!;
    const mid = (template.from + template.durationInFrames / 2) / 30;
    const clip = path.join(project.root, 'public', template.clip!.file);
    const rendered = (await frameAt(out, mid)).pixel(4, 4);
    const source = (await frameAt(clip, mid - template.from / 30)).pixel(16, 16);
    const presenterScene = (await frameAt(out, 1)).pixel(4, 4);
    const dist = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
    expect(dist(rendered, source)).toBeLessThan(30);
    expect(dist(rendered, presenterScene)).toBeGreaterThan(30);
  });
});
