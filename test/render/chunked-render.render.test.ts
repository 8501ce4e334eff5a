import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath, ffprobePath, runBinary } from '../../src/media/ffmpeg';
import { decodeFrames, type RgbaImage } from '../../src/emulator/synth';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { mountBundle, type MountedBundle } from '../helpers/mount-bundle';
import { openRenderSession } from '../../src/render/render-session';
import { prepareRender, renderSpec } from '../../src/render/render-spec';
import { AUTO_CHUNK_MIN_FRAMES } from '../../src/render/render-settings';
import { loadSpec } from '../../src/project/load-spec';
import { ClipStore } from '../../src/project/clip-store';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { PROJECT_ROOT, SHORT_SPEC, tempProject } from '../helpers/project';

// Long enough (over 2 × AUTO_CHUNK_MIN_FRAMES) for the default settings to split it between 2 tabs.
const SPEC: VideoSpecInput = {
  ...SHORT_SPEC,
  id: 'chunky',
  captions: false,
  scenes: [SHORT_SPEC.scenes[0]!, { title: 'Two', script: 'Costs went down, and the margin grew for the third quarter in a row.' }],
};

async function streams(file: string): Promise<{ codec_type: string; nb_read_frames?: string; duration?: string; start_time?: string }[]> {
  const { stdout } = await runBinary(ffprobePath(), ['-v', 'error', '-count_frames', '-show_entries', 'stream=codec_type,nb_read_frames,duration,start_time', '-of', 'json', file]);
  return (JSON.parse(stdout.toString()) as { streams: { codec_type: string }[] }).streams;
}

/** The soundtrack as 8 kHz mono samples. */
async function samples(file: string): Promise<Int16Array> {
  const { stdout } = await runBinary(ffmpegPath(), ['-v', 'error', '-i', file, '-ac', '1', '-ar', '8000', '-c:a', 'pcm_s16le', '-f', 'wav', '-']);
  const data = stdout.indexOf('data') + 8;
  return new Int16Array(stdout.buffer.slice(stdout.byteOffset + data, stdout.byteOffset + stdout.length - ((stdout.length - data) % 2)));
}

/** Mean absolute difference of two RGBA frames' colour channels (0-255). */
function meanDiff(a: RgbaImage, b: RgbaImage): number {
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) if (i % 4 !== 3) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / ((a.data.length * 3) / 4);
}

/** The shift (in samples) of `b` against `a` that matches samples [from, to) best, searched within ±`range`. */
function bestLag(a: Int16Array, b: Int16Array, from: number, to: number, range: number): number {
  let best = { lag: 0, cost: Infinity };
  for (let lag = -range; lag <= range; lag++) {
    let cost = 0;
    for (let i = from; i < to; i++) cost += Math.abs(a[i]! - (b[i + lag] ?? 0));
    if (cost < best.cost) best = { lag, cost };
  }
  return best.lag;
}

describe('chunked render (the local form of Lambda)', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let bundle: MountedBundle;
  const savedKey = process.env.HEYGEN_API_KEY;

  beforeAll(async () => {
    delete process.env.HEYGEN_API_KEY;
    project = await tempProject([SPEC]);
    const prebuild = await runPrebuild({ root: project.root, concurrency: 2, connect: connectFreshEmulator() });
    expect(prebuild.failed).toEqual([]);
    bundle = await mountBundle(path.join(project.root, 'public'));
  });

  afterAll(async () => {
    if (savedKey !== undefined) process.env.HEYGEN_API_KEY = savedKey;
    await bundle?.dispose();
    await project?.cleanup();
  });

  it('joins 3 chunks into a video as long as a single render, frame for frame, with the audio in sync', async () => {
    const out = (n: string) => path.join(project.root, 'out', n);
    const session = await openRenderSession({ codeRoot: PROJECT_ROOT, serveUrl: bundle.serveUrl, settings: { scale: 0.25 } });
    try {
      const common = { root: project.root, specFile: project.files[0]! };
      const single = await renderSpec(session, { ...common, outFile: out('single.mp4') }, { chunks: 1 });
      const chunked = await renderSpec(session, { ...common, outFile: out('chunked.mp4') }, { chunks: 3 });
      expect(chunked.durationInFrames).toBe(single.durationInFrames);
      // 'auto' with 2 tabs splits a video this long in two (the join reports its 'combining' stage) and gives the same length.
      expect(single.durationInFrames).toBeGreaterThanOrEqual(2 * AUTO_CHUNK_MIN_FRAMES);
      const stages = new Set<string>();
      const auto = await renderSpec(session, { ...common, outFile: out('auto.mp4'), onProgress: (p) => stages.add(p.stage) }, { chunks: 'auto', concurrency: 2 });
      expect(stages).toContain('combining');
      expect(Number((await streams(out('auto.mp4'))).find((t) => t.codec_type === 'video')!.nb_read_frames)).toBe(single.durationInFrames);
      expect(auto.durationInFrames).toBe(single.durationInFrames);

      const [s, c] = await Promise.all([streams(out('single.mp4')), streams(out('chunked.mp4'))]);
      const video = (x: typeof s) => x.find((t) => t.codec_type === 'video')!;
      const audio = (x: typeof s) => x.find((t) => t.codec_type === 'audio');
      expect(Number(video(c).nb_read_frames)).toBe(single.durationInFrames);
      expect(Number(video(s).nb_read_frames)).toBe(single.durationInFrames);
      expect(Number(video(c).duration)).toBeCloseTo(Number(video(s).duration), 3);
      expect(audio(c)).toBeDefined();
      expect(Number(audio(c)!.start_time)).toBe(Number(audio(s)!.start_time));
      expect(Math.abs(Number(audio(c)!.duration) - Number(audio(s)!.duration))).toBeLessThan(0.1);

      // In sync: every half second of the chunked soundtrack lines up with the single render's within 10 ms (a
      // video frame is 33 ms): the chunks' audio is joined as WAV, sample-exact, and encoded once.
      const [a, b] = await Promise.all([samples(out('single.mp4')), samples(out('chunked.mp4'))]);
      expect(Math.max(...a.slice(0, 8000 * 2).map(Math.abs))).toBeGreaterThan(1000);
      const lags: number[] = [];
      for (let from = 400; from + 4000 < Math.min(a.length, b.length) - 400; from += 4000) lags.push(bestLag(a, b, from, from + 4000, 200));
      expect(lags.length).toBeGreaterThan(3);
      expect(Math.max(...lags.map(Math.abs))).toBeLessThanOrEqual(80);
    } finally {
      await session.close();
    }
    // The browser's TMPDIR (profile, org.chromium.Chromium.*) and the chunks' folder are gone (the run's bundle is not the session's).
    const left = (await readdir(os.tmpdir())).filter((n) => n.startsWith(`heygen-remotion-`) && n.includes(`-${process.pid}-`) && !n.startsWith('heygen-remotion-bundle-'));
    expect(left).toEqual([]);
  });
  it('splits a frame range too: frames 20-79 as 2 ranges match the same range rendered in one, audio in sync', async () => {
    const out = (n: string) => path.join(project.root, 'out', n);
    const session = await openRenderSession({ codeRoot: PROJECT_ROOT, serveUrl: bundle.serveUrl, settings: { scale: 0.25 } });
    try {
      const prepared = await prepareRender({ root: project.root, file: project.files[0]!, spec: (await loadSpec(project.files[0]!, project.root)).spec, manifest: await new ClipStore(project.root).readManifest() });
      const job = (n: string) => ({ compositionId: prepared.compositionId, inputProps: prepared.inputProps, outFile: out(n), frameRange: [20, 79] as [number, number] });
      await session.render(job('range-single.mp4'), { chunks: 1 });
      await session.render(job('range-chunked.mp4'), { chunks: 2 });
      const [s, c] = await Promise.all([streams(out('range-single.mp4')), streams(out('range-chunked.mp4'))]);
      const video = (x: typeof s) => x.find((t) => t.codec_type === 'video')!;
      expect(Number(video(s).nb_read_frames)).toBe(60);
      expect(Number(video(c).nb_read_frames)).toBe(60);
      // The same pictures (a chunk that started at frame 0 instead of 50 would show other frames).
      const small = { scaleTo: { width: 96, height: 54 } };
      const [fs, fc] = await Promise.all([decodeFrames(out('range-single.mp4'), small), decodeFrames(out('range-chunked.mp4'), small)]);
      expect(fc.length).toBe(fs.length);
      const worst = Math.max(...fs.map((f, i) => meanDiff(f, fc[i]!)));
      console.log(`[chunked range] worst mean difference ${worst.toFixed(2)}`);
      expect(worst).toBeLessThan(3);
      const [a, b] = await Promise.all([samples(out('range-single.mp4')), samples(out('range-chunked.mp4'))]);
      expect(Math.max(...a.map(Math.abs))).toBeGreaterThan(1000);
      const lags: number[] = [];
      // Windows of speech only: a pause matches any shift equally well.
      const loud = (from: number) => a.slice(from, from + 2000).reduce((sum, x) => sum + Math.abs(x), 0) / 2000 > 300;
      for (let from = 400; from + 2000 < Math.min(a.length, b.length) - 400; from += 1000) if (loud(from)) lags.push(bestLag(a, b, from, from + 2000, 200));
      console.log(`[chunked range] lags ${lags.join(' ')}`);
      expect(lags.length).toBeGreaterThan(2);
      expect(Math.max(...lags.map(Math.abs))).toBeLessThanOrEqual(80);
    } finally {
      await session.close();
    }
  });
});
