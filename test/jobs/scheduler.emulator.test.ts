import { existsSync } from 'node:fs';
import { readFile, rm, stat, truncate, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { ClipStore, ManifestDamagedError } from '../../src/project/clip-store';
import { loadSpec } from '../../src/project/load-spec';
import { prepareRender } from '../../src/render/render-spec';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { connectFreshEmulator, connectTo } from '../helpers/connect-emulator';
import { SHORT_SPEC, tempProject } from '../helpers/project';

async function writePhoto(root: string, colour: string): Promise<void> {
  const canvas = createCanvas(128, 128);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 128, 128);
  await mkdir(path.join(root, 'public', 'assets'), { recursive: true });
  await writeFile(path.join(root, 'public', 'assets', 'photo.png'), await canvas.encode('png'));
}

const withEnv = async <T>(name: string, value: string | undefined, fn: () => Promise<T>): Promise<T> => {
  const saved = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
};

describe('jobs over the emulator', () => {
  let emulator: Emulator;
  const projects: { cleanup(): Promise<void> }[] = [];
  const project = async (spec: VideoSpecInput) => {
    const p = await tempProject([spec]);
    projects.push(p);
    return p;
  };

  beforeAll(async () => {
    emulator = await startEmulator({ timing: { pendingMs: 100, processingMinMs: 500 } });
  });
  afterEach(() => emulator.faults.clear?.());
  afterAll(async () => {
    await emulator.close();
    await Promise.all(projects.map((p) => p.cleanup()));
  });

  it('photo round trip: after the original photo is put back, the render plays the clip made from it', async () => {
    const p = await project({ ...SHORT_SPEC, id: 'photo-trip', avatar: { photo: 'assets/photo.png' }, scenes: [SHORT_SPEC.scenes[0]!] });
    const connect = connectTo(emulator);
    const chosenVideo = async () => {
      const { file, spec } = await loadSpec(p.files[0]!, p.root);
      const prepared = await prepareRender({ root: p.root, file, spec, manifest: await new ClipStore(p.root).readManifest() });
      return (prepared.inputProps.sceneClips as { videoId: string }[])[0]!.videoId;
    };
    await writePhoto(p.root, '#c04040');
    expect((await runPrebuild({ root: p.root, connect })).generated).toBe(1);
    const original = await chosenVideo();
    await writePhoto(p.root, '#4040c0');
    expect((await runPrebuild({ root: p.root, connect })).generated).toBe(1);
    const replaced = await chosenVideo();
    expect(replaced).not.toBe(original);
    await writePhoto(p.root, '#c04040');
    const third = await runPrebuild({ root: p.root, connect });
    expect(third.generated).toBe(0);
    expect(third.plan.clips.every((c) => c.cached)).toBe(true);
    expect(await chosenVideo()).toBe(original);
    // Studio's lookup (manifest.current, written by the prebuild) follows the same choice.
    const manifest = await new ClipStore(p.root).readManifest();
    const current = Object.values(manifest.current ?? {}).map((k) => manifest.clips[k]!.videoId);
    expect(current).toEqual([original]);
  });

  it('with a HeyGen key set, a render refuses placeholder clips unless --allow-placeholders', async () => {
    const p = await project({ ...SHORT_SPEC, id: 'placeholders', scenes: [{ title: 'P', script: 'Placeholder check.' }] });
    await runPrebuild({ root: p.root, connect: connectTo(emulator, 'sk-dummy-key') });
    const { file, spec } = await loadSpec(p.files[0]!, p.root);
    const manifest = await new ClipStore(p.root).readManifest();
    expect(Object.values(manifest.clips).map((c) => c.backend)).toEqual(['emulator']);
    await withEnv('HEYGEN_API_KEY', 'sk-dummy-key', async () => {
      await expect(prepareRender({ root: p.root, file, spec, manifest })).rejects.toThrow(/1 of 1 scene clip\(s\) are placeholders.*--allow-placeholders/);
      const allowed = await prepareRender({ root: p.root, file, spec, manifest, allowPlaceholders: true });
      expect(allowed.timeline.missingClips).toBe(0);
    });
  });

  it('waits for every video in flight with one GET /v3/videos/statuses per tick', async () => {
    const scenes = ['One', 'Two', 'Three', 'Four'].map((t) => ({ title: t, script: `Batched status ${t}.` }));
    const p = await project({ ...SHORT_SPEC, id: 'statuses', scenes });
    const since = emulator.stats.requests.length;
    const result = await runPrebuild({ root: p.root, connect: connectTo(emulator), concurrency: 4 });
    expect(result.generated).toBe(4);
    const requests = emulator.stats.requests.slice(since);
    const bulk = requests.filter((r) => r.path === '/v3/videos/statuses');
    expect(bulk.length).toBe(result.statusRequests['v3-videos']);
    expect(bulk.some((r) => decodeURIComponent(r.query).split(',').length >= 3)).toBe(true);
    // Per video only what the download needs (its URL, its subtitles' URL): no per-video polling.
    const perVideo = requests.filter((r) => /^\/v3\/videos\/[^/]+$/.test(r.path) && r.path !== '/v3/videos/statuses');
    expect(perVideo.length).toBeLessThanOrEqual(2 * 4);
    expect(bulk.length).toBeGreaterThan(0);
  });

  it('legacy: a create whose answer was lost is found by its marker, never sent again (also on the next run)', async () => {
    await withEnv('HEYGEN_API_GENERATION', 'legacy', async () => {
      const p = await project({ ...SHORT_SPEC, id: 'legacy-lost', scenes: [{ title: 'L', script: 'Legacy answer lost.' }] });
      const before = emulator.stats.creates;
      // The create is made, the answer is lost; the lookup fails too, as if the run had crashed right there.
      emulator.faults.add({ method: 'POST', path: '/v1/video.webm', fault: { type: 'reset-after' } });
      emulator.faults.add({ method: 'GET', path: '/v1/video.list', fault: { type: 'status', status: 500 }, times: 10 });
      const first = await runPrebuild({ root: p.root, connect: connectTo(emulator) });
      expect(first.failed).toHaveLength(1);
      expect(emulator.stats.creates - before).toBe(1);
      const journal = JSON.parse(await readFile(path.join(p.root, '.heygen', 'journal.json'), 'utf8')) as { scopes: Record<string, Record<string, { videoId?: string; marker?: string }>> };
      const records = Object.values(journal.scopes).flatMap((s) => Object.values(s));
      expect(records).toEqual([expect.objectContaining({ marker: expect.stringMatching(/^hr-/) })]);
      expect(records[0]!.videoId).toBeUndefined();
      emulator.faults.clear?.();
      const second = await runPrebuild({ root: p.root, connect: connectTo(emulator) });
      expect(second.failed).toEqual([]);
      expect(second.ready).toBe(1);
      expect(emulator.stats.creates - before).toBe(1);
    });
  });

  it('a stored clip that is no longer whole is downloaded again, not generated again', async () => {
    const p = await project({ ...SHORT_SPEC, id: 'truncated', scenes: [{ title: 'T', script: 'Truncated file.' }] });
    const connect = connectTo(emulator);
    await runPrebuild({ root: p.root, connect });
    const store = new ClipStore(p.root);
    const [key, entry] = Object.entries((await store.readManifest()).clips)[0]!;
    const file = store.videoPath(key);
    const size = (await stat(file)).size;
    await truncate(file, Math.floor(size / 2));
    const creates = emulator.stats.creates;
    const events: { state?: string; detail?: string }[] = [];
    const again = await runPrebuild({ root: p.root, connect, onEvent: (e) => e.type === 'clip' && events.push(e) });
    expect(again.plan.clips[0]!.refetch).toMatchObject({ videoId: entry.videoId, reason: expect.stringMatching(/bytes/) });
    expect(events.map((e) => e.state)).toContain('ready');
    expect(events.find((e) => e.state === 'downloading')?.detail).toMatch(/not whole/);
    expect(emulator.stats.creates).toBe(creates);
    expect((await stat(file)).size).toBe(size);
    expect(store.inspect(await store.readManifest(), key)).toEqual({ state: 'ok' });
  });

  it('a lost or damaged manifest is rebuilt from the clip store, generating nothing', async () => {
    const p = await project({ ...SHORT_SPEC, id: 'rebuild', scenes: SHORT_SPEC.scenes.map((sc) => ({ ...sc, script: `${sc.script} Rebuilt.` })) });
    const connect = connectTo(emulator);
    await runPrebuild({ root: p.root, connect });
    const store = new ClipStore(p.root);
    const original = await store.readManifest();
    expect(Object.keys(original.clips)).toHaveLength(2);
    const creates = emulator.stats.creates;

    await rm(store.manifestFile);
    expect((await store.readManifest()).clips).toEqual(original.clips);

    await writeFile(store.manifestFile, '{"version": 1, "clips": {');
    const err = await store.readManifest().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManifestDamagedError);
    expect((err as Error).message).toMatch(/public\/clips\/manifest\.json is damaged.*npm run prebuild.*generating nothing/);
    const again = await runPrebuild({ root: p.root, connect });
    expect(again.generated).toBe(0);
    expect(emulator.stats.creates).toBe(creates);
    expect(existsSync(`${store.manifestFile}.damaged`)).toBe(true);
    expect((await store.readManifest()).clips).toEqual(original.clips);
  });

  it('the journal keeps one scope per account, not one per port the built-in emulator ran on', async () => {
    const p = await project({ ...SHORT_SPEC, id: 'ports', scenes: [{ title: 'A', script: 'Port one.' }] });
    await runPrebuild({ root: p.root, connect: connectFreshEmulator() });
    await writeFile(path.join(p.root, p.files[0]!), JSON.stringify({ ...SHORT_SPEC, id: 'ports', scenes: [{ title: 'A', script: 'Port two.' }] }));
    await runPrebuild({ root: p.root, connect: connectFreshEmulator() });
    const journal = JSON.parse(await readFile(path.join(p.root, '.heygen', 'journal.json'), 'utf8')) as { scopes: Record<string, unknown> };
    expect(Object.keys(journal.scopes)).toHaveLength(1);
  });
});
