import { toneWav } from '../helpers/tone-wav';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath, ffprobe, runBinary } from '../../src/media/ffmpeg';
import { ClipStore } from '../../src/project/clip-store';
import { runPrebuild, type PrebuildResult } from '../../src/jobs/run-prebuild';
import { openRenderSession } from '../../src/render/render-session';
import { renderSpec } from '../../src/render/render-spec';
import { manifestSchema, type Manifest } from '../../src/spec/manifest';
import { buildTimeline } from '../../src/spec/timeline';
import { videoSpecSchema, type VideoSpecInput } from '../../src/spec/video-spec';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { mountBundle, type MountedBundle } from '../helpers/mount-bundle';
import { frameAt, type Frame } from '../helpers/frames';
import { PROJECT_ROOT, tempProject } from '../helpers/project';

const MIXED: VideoSpecInput = {
  id: 'mixed',
  format: 'landscape-720p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  scenes: [
    { title: 'Presenter', script: 'Sales went up.', graphic: { type: 'bar', data: [{ label: 'A', value: 1 }, { label: 'B', value: 3 }] } },
    { title: 'From a template', video: { type: 'template', template: 'tpl_welcome', variables: { name: 'Ann', company: 'Acme' } } },
    { title: 'From Video Agent', video: { type: 'agent', prompt: 'Hi.' } },
    { title: 'My own footage', video: { type: 'lipsync', footage: 'footage/me.mp4', audio: 'voice/take.wav' } },
    { title: 'Presenter again', script: 'Thanks.' },
  ],
};


/** The user's footage: the sample presenter, mirrored and flattened to MP4 (footage the emulator did not make). */
async function writeFootage(root: string): Promise<void> {
  await mkdir(path.join(root, 'public/footage'), { recursive: true });
  await mkdir(path.join(root, 'public/voice'), { recursive: true });
  await runBinary(ffmpegPath(), ['-y', '-v', 'error', '-i', path.join(PROJECT_ROOT, 'public/sample/presenter.webm'), '-t', '2', '-an', '-vf', 'crop=480:270:0:120,scale=640:360,hflip', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', path.join(root, 'public/footage/me.mp4')]);
  await writeFile(path.join(root, 'public/voice/take.wav'), toneWav(1.5));
}

/** Mean colour distance between two frames over a grid on their upper 60% (captions sit below), sampled at the same relative points. */
function frameDistance(a: Frame, b: Frame): number {
  let sum = 0;
  let n = 0;
  for (let gy = 1; gy <= 6; gy++) {
    for (let gx = 1; gx <= 9; gx++) {
      const pa = a.pixel((gx / 10) * (a.width - 1), (gy / 10) * (a.height - 1));
      const pb = b.pixel((gx / 10) * (b.width - 1), (gy / 10) * (b.height - 1));
      sum += Math.hypot(pa[0] - pb[0], pa[1] - pb[1], pa[2] - pb[2]);
      n++;
    }
  }
  return sum / n;
}

/** Loudness (RMS, 0..1) of a file's sound between two times, decoded by ffmpeg. */
async function rmsBetween(file: string, fromSec: number, toSec: number): Promise<number> {
  const { stdout } = await runBinary(ffmpegPath(), ['-v', 'error', '-ss', fromSec.toFixed(3), '-t', (toSec - fromSec).toFixed(3), '-i', file, '-vn', '-ac', '1', '-ar', '8000', '-c:a', 'pcm_s16le', '-f', 'wav', '-']);
  const start = stdout.indexOf('data') + 8;
  let sum = 0;
  const n = Math.floor((stdout.length - start) / 2);
  for (let i = 0; i < n; i++) sum += (stdout.readInt16LE(start + i * 2) / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, n));
}

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
    await writeFootage(project.root);
    first = await runPrebuild({ root: project.root, concurrency: 3, connect: connectFreshEmulator() });
    manifest = manifestSchema.parse(JSON.parse(await readFile(new ClipStore(project.root).manifestFile, 'utf8')));
    bundle = await mountBundle(path.join(project.root, 'public'));
  });

  afterAll(async () => {
    if (savedKey !== undefined) process.env.HEYGEN_API_KEY = savedKey;
    await bundle?.dispose();
    await project?.cleanup();
  });

  it('the prebuild makes one clip per scene: presenter clips and three full-frame videos, with their words', () => {
    expect(first.failed).toEqual([]);
    expect(first.generated).toBe(5);
    const sizes = Object.values(manifest.clips).map((c) => `${c.width}x${c.height}`).sort();
    expect(sizes).toEqual(['1280x720', '1280x720', '640x360', '720x720', '720x720']);
    // the lipsync (640x360 footage) comes with HeyGen's SRT, so its scene is captioned like the others
    const lipsync = Object.values(manifest.clips).find((c) => c.width === 640)!;
    expect(lipsync.subtitles).toBeDefined();
    expect(lipsync.words?.length).toBeGreaterThan(0);
    expect(Object.values(manifest.clips).some((c) => c.words?.some((w) => w.word.includes('Acme')))).toBe(true);
  });

  it('renders one MP4 in which each full-frame scene shows its own video (template, agent, lipsync), with sound in every scene', async () => {
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
    expect(timeline.scenes.map((s) => Boolean(s.fullFrame))).toEqual([false, true, true, true, false]);
    expect(timeline.missingClips).toBe(0);
    expect(Math.abs(Number(probe.format.duration) - timeline.durationInFrames / 30)).toBeLessThan(0.1);
    const presenterScene = await frameAt(out, 1);
    const sources: Frame[] = [];
    for (const i of [1, 2, 3]) {
      const scene = timeline.scenes[i]!;
      // mid scene, away from the transitions at its ends
      const mid = (scene.from + scene.durationInFrames / 2) / 30;
      const rendered = await frameAt(out, mid);
      const source = await frameAt(path.join(project.root, 'public', scene.clip!.file), Math.min(mid - scene.from / 30, scene.clip!.durationSec - 0.1));
      sources.push(source);
      expect(frameDistance(rendered, source), `scene ${i + 1} shows its own video`).toBeLessThan(25);
      expect(frameDistance(rendered, presenterScene), `scene ${i + 1} is not the presenter scene`).toBeGreaterThan(40);
    }
    // the three videos differ from each other, so each scene above matched its own and not another's
    expect(frameDistance(sources[0]!, sources[1]!)).toBeGreaterThan(40);
    expect(frameDistance(sources[0]!, sources[2]!)).toBeGreaterThan(40);
    expect(frameDistance(sources[1]!, sources[2]!)).toBeGreaterThan(40);
    for (const [i, scene] of timeline.scenes.entries()) {
      const from = scene.from / 30;
      expect(await rmsBetween(out, from + 0.2, from + Math.min(scene.speechSec, 1.2)), `scene ${i + 1} has sound`).toBeGreaterThan(0.005);
    }
  });
});
