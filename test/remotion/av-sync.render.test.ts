import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeLayout } from '../../remotion/shared/layout';
import { clipFrames } from '../../remotion/shared/scene-timing';
import { PRESENTER_ENTRANCE_SEC } from '../../remotion/components/PresenterTrack';
import { frameMarkerRect, readFrameMarker } from '../../src/emulator/synth/index';
import { ffprobe } from '../../src/media/ffmpeg';
import { prepareClip } from '../../src/project/prepare-clip';
import { mountBundle, type MountedBundle } from '../helpers/mount-bundle';
import { openRenderSession, type RenderSession } from '../../src/render/render-session';
import type { Manifest } from '../../src/spec/manifest';
import { buildTimeline, type Timeline } from '../../src/spec/timeline';
import { videoSpecSchema, type VideoSpecInput } from '../../src/spec/video-spec';
import { PROJECT_ROOT, tempProject } from '../helpers/project';
import { audioOf, croppedFrames, monoSamples, onsetSec, synthesizeManifest, toneWav, toneLevel, videoOf } from './helpers/render-kit';

const FPS = 30;
const SCALE = 0.5;
const SPEC: VideoSpecInput = {
  id: 'av-sync',
  format: 'landscape-1080p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  presenter: { framing: 'pip', side: 'right' },
  captions: false,
  scenes: [
    { title: 'One', script: 'Sales went up again.', graphic: { type: 'bar', data: [{ label: 'A', value: 1 }, { label: 'B', value: 3 }] } },
    { title: 'Two', script: 'Costs went down.', graphic: { type: 'kpi', items: [{ label: 'Costs', value: 12 }] } },
  ],
};

/** Output frames whose presenter shows another clip frame than floor(local·25/fps) (the last one held after the clip ends). */
async function markerMismatches(out: string, timeline: Timeline, framing: 'pip' | 'full'): Promise<{ checked: number; mismatches: string[] }> {
  const clip = timeline.scenes[0]!.clip!;
  const layout = computeLayout({ template: 'explainer', width: 1920, height: 1080, framing, side: 'right', clipAspect: clip.width / clip.height, captions: false, logo: false });
  const box = layout.presenter.box;
  const s = (box.width / clip.width) * SCALE;
  const m = frameMarkerRect(clip.width, clip.height);
  const marker = { x: box.x * SCALE + m.x * s, y: box.y * SCALE + m.y * s, width: m.width * s, height: m.height * s };
  const { frames, crop } = await croppedFrames(out, marker);
  expect(frames).toHaveLength(timeline.durationInFrames);
  const rect = { ...marker, x: marker.x - crop.x, y: marker.y - crop.y };
  const mismatches: string[] = [];
  let checked = 0;
  frames.forEach((rgba, f) => {
    if (f < PRESENTER_ENTRANCE_SEC * FPS) return;
    const scene = timeline.scenes.findLast((sc) => sc.from <= f)!;
    const local = f - scene.from;
    const playing = clipFrames(scene.clip!.durationSec, FPS);
    const expected = Math.floor((Math.min(local, playing - 1) * 25) / FPS);
    const seen = readFrameMarker(rgba, crop.width, crop.height, rect);
    checked++;
    if (seen !== expected) mismatches.push(`frame ${f} (scene ${timeline.scenes.indexOf(scene) + 1}, local ${local}): clip frame ${seen}, expected ${expected}`);
  });
  return { checked, mismatches };
}

/** Seconds between where each scene's voice starts in the output and where its clip says it starts. */
async function voiceOffsets(out: string, timeline: Timeline, publicDir: string): Promise<number[]> {
  const rate = 16000;
  const output = await monoSamples(out, rate);
  const offsets: number[] = [];
  for (const [i, scene] of timeline.scenes.entries()) {
    const inClip = onsetSec(await monoSamples(path.join(publicDir, scene.clip!.file), rate), rate);
    expect(inClip, `scene ${i + 1} clip has speech`).not.toBeNull();
    const sceneStart = scene.from / FPS;
    offsets.push(onsetSec(output, rate, sceneStart)! - (sceneStart + inClip!));
  }
  return offsets;
}

// A clip stamped with its frame index plays in a 30 fps composition: every output frame must show the clip frame
// due at its time, in both scenes, and the voice must start when the picture says it does; in a single render with
// v3's square clips, and in a chunked render with legacy full-frame 1920x1080 clips.
describe('presenter A/V sync (25 fps clips in a 30 fps composition)', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let bundle: MountedBundle;
  let session: RenderSession;
  let manifest: Manifest;
  let timeline: Timeline;
  let out: string;

  beforeAll(async () => {
    project = await tempProject([]);
    const publicDir = path.join(project.root, 'public');
    [manifest, bundle] = await Promise.all([synthesizeManifest(SPEC, publicDir, { frameMarker: true }), mountBundle(publicDir)]);
    session = await openRenderSession({ codeRoot: PROJECT_ROOT, serveUrl: bundle.serveUrl });
    timeline = buildTimeline(videoSpecSchema.parse(SPEC), manifest, FPS);
    out = path.join(project.root, 'av.mp4');
    await videoOf(session, 'Explainer', { ...videoSpecSchema.parse(SPEC), manifest }, out, { scale: SCALE });
  });

  afterAll(async () => {
    await session?.close();
    await bundle?.dispose();
    await project?.cleanup();
  });

  it('is exactly as long as buildTimeline says', async () => {
    const probe = await ffprobe(out);
    const video = probe.streams.find((s) => s.codec_type === 'video')!;
    expect(Number(video.nb_frames)).toBe(timeline.durationInFrames);
    expect(Math.abs(Number(video.duration) - timeline.durationInFrames / FPS)).toBeLessThanOrEqual(1 / FPS + 1e-6);
  });

  it('shows clip frame floor(f·25/30) at every frame f after the entrance, then holds the last frame through the padding', async () => {
    const { checked, mismatches } = await markerMismatches(out, timeline, 'pip');
    expect(checked).toBeGreaterThan(60);
    expect(mismatches).toEqual([]);
  });

  it("starts each scene's voice within 10 ms of where its clip has it (AAC priming recorded by the muxer)", async () => {
    const offsets = await voiceOffsets(out, timeline, path.join(project.root, 'public'));
    for (const [i, o] of offsets.entries()) expect(Math.abs(o), `scene ${i + 1}: voice ${(o * 1000).toFixed(1)} ms off`).toBeLessThanOrEqual(0.01);
  });

  it('is frame-exact and in sync in a chunked render too, with legacy full-frame 1920x1080 clips played from their prepared copies', async () => {
    const publicDir = path.join(project.root, 'public');
    const spec = videoSpecSchema.parse({ ...SPEC, presenter: { framing: 'full', side: 'right' } });
    const synthesized = await synthesizeManifest(SPEC, publicDir, { frameMarker: true, width: 1920, height: 1080, tag: 'full' });
    // What the prebuild does to such clips: renders decode a copy at the largest size a template draws them at.
    const full: Manifest = { version: 1, clips: {} };
    for (const [key, entry] of Object.entries(synthesized.clips)) full.clips[key] = (await prepareClip(publicDir, entry)).entry;
    expect(Object.values(full.clips).map((c) => c.prepared && [c.prepared.width, c.prepared.height])).toEqual([[1152, 648], [1152, 648]]);
    const fullTimeline = buildTimeline(spec, full, FPS);
    const chunked = path.join(project.root, 'chunked.mp4');
    await videoOf(session, 'Explainer', { ...spec, manifest: full }, chunked, { scale: SCALE, chunks: 3 });
    const { checked, mismatches } = await markerMismatches(chunked, fullTimeline, 'full');
    expect(checked).toBeGreaterThan(60);
    expect(mismatches).toEqual([]);
    const offsets = await voiceOffsets(chunked, fullTimeline, publicDir);
    for (const [i, o] of offsets.entries()) expect(Math.abs(o), `scene ${i + 1}: voice ${(o * 1000).toFixed(1)} ms off`).toBeLessThanOrEqual(0.01);
  });

  it('ducks the music under speech to `duckTo` of its volume', async () => {
    const publicDir = path.join(project.root, 'public');
    const tone = 5000;
    await writeFile(path.join(publicDir, 'music.wav'), toneWav(tone, 4, 48000));
    const props = (duckTo: number) => ({ ...videoSpecSchema.parse({ ...SPEC, music: { src: 'music.wav', volume: 0.5, duckTo } }), manifest });
    const [ducked, flat] = [path.join(project.root, 'ducked.wav'), path.join(project.root, 'flat.wav')];
    await audioOf(session, 'Explainer', props(0.25), ducked);
    await audioOf(session, 'Explainer', props(1), flat);
    const rate = 48000;
    const [d, f] = [await monoSamples(ducked, rate), await monoSamples(flat, rate)];
    const words = timeline.scenes[0]!.clip!.words!;
    // Mid-speech of scene one, past the ramp: same fade-in in both renders, so only the ducking differs.
    const at = (words[1]!.start + words[words.length - 2]!.end) / 2;
    const ratio = toneLevel(d, rate, tone, at, 0.2) / toneLevel(f, rate, tone, at, 0.2);
    expect(ratio).toBeGreaterThan(0.2);
    expect(ratio).toBeLessThan(0.3);
  });
});
