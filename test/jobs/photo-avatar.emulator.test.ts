import { runScript } from '../helpers/processes';
import { prebuildChild, type PrebuildChild } from '../helpers/prebuild-child';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { testPortrait } from '../helpers/test-portrait';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { manifestSchema } from '../../src/spec/manifest';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { connectTo } from '../helpers/connect-emulator';
import { SHORT_SPEC, tempProject } from '../helpers/project';

const KEY = 'sk-test-photo-avatar';

const spec = (id: string, photo: string, scripts: string[]): VideoSpecInput => ({
  ...SHORT_SPEC,
  id,
  format: 'landscape-720p',
  avatar: { photo, persistent: true },
  scenes: scripts.map((script, i) => ({ title: `S${i + 1}`, script })),
});

const prebuild = (root: string, emulator: Emulator, args: string[] = []): PrebuildChild => prebuildChild(root, emulator, KEY, args);

const avatarCreates = (e: Emulator) => e.state.requests.filter((r) => r.method === 'POST' && r.path === '/v3/avatars').length;
const videosWith = (e: Emulator, lookId: string) => [...e.state.videos.values()].filter((v) => JSON.stringify(v.request).includes(lookId));

async function writePhoto(root: string, rel: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, 'public', rel)), { recursive: true });
  await writeFile(path.join(root, 'public', rel), testPortrait());
}

describe('a persistent photo avatar: made once, reused by every clip of every spec', () => {
  let emulator: Emulator;
  let project: Awaited<ReturnType<typeof tempProject>>;
  beforeAll(async () => {
    // the look trains for 3 s: long enough to kill the first run during it
    emulator = await startEmulator({ timing: { pendingMs: 200, processingMinMs: 3_000 } });
    project = await tempProject([spec('one', 'people/anna.png', ['Hello there.', 'Sales went up.']), spec('two', 'people/anna.png', ['Costs went down.'])]);
    await writePhoto(project.root, 'people/anna.png');
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.cleanup();
  });

  it('--dry-run lists the avatar to create once, for its three clips, and sends nothing', async () => {
    const env = { ...process.env, HEYGEN_API_KEY: KEY, HEYGEN_API_BASE_URL: emulator.url, HEYGEN_UPLOAD_BASE_URL: emulator.url, HEYGEN_API_GENERATION: 'v3' };
    const { code, stderr } = await runScript('prebuild.ts', ['--dry-run'], { cwd: project.root, env });
      expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/create\s+photo-\w+\s+photo-avatar\s+people\/anna\.png\s+once, for 3 clip\(s\)/);
    expect(emulator.state.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/users/me']);
  });

  it('killed with SIGKILL while the avatar trains, the re-run makes no second avatar and every clip uses its look', async () => {
    const first = prebuild(project.root, emulator);
    await vi.waitFor(() => expect(emulator.state.photoAvatars.size).toBe(1), { timeout: 60_000, interval: 20 });
    const look = [...emulator.state.photoAvatars.values()][0]!;
    expect(Date.now()).toBeLessThan(look.readyAt); // still training when killed
    first.kill();
    expect((await first.done).code).toBeNull();
    expect(emulator.state.videos.size).toBe(0); // no clip was asked for before the avatar was ready

    const second = await prebuild(project.root, emulator).done;
    expect(second.code, second.stderr).toBe(0);
    expect(emulator.state.photoAvatars.size).toBe(1);
    expect(avatarCreates(emulator)).toBeLessThanOrEqual(2); // a re-sent create is replayed by its Idempotency-Key
    expect([...emulator.state.createsByKey.values()].every((n) => n === 1)).toBe(true);
    expect(videosWith(emulator, look.lookId)).toHaveLength(3);
    const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(project.root, 'public/clips/manifest.json'), 'utf8')));
    expect(Object.keys(manifest.clips)).toHaveLength(3);
  });

  it('a later spec naming the same photo (even under another path) makes no new avatar', async () => {
    await copyFile(path.join(project.root, 'public/people/anna.png'), path.join(project.root, 'public/anna-copy.png'));
    await writeFile(path.join(project.root, 'videos/three.json'), JSON.stringify(spec('three', 'anna-copy.png', ['A new scene.'])));
    const before = avatarCreates(emulator);
    const run = await prebuild(project.root, emulator).done;
    expect(run.code, run.stderr).toBe(0);
    expect(avatarCreates(emulator)).toBe(before);
    expect(emulator.state.photoAvatars.size).toBe(1);
    expect(videosWith(emulator, [...emulator.state.photoAvatars.values()][0]!.lookId)).toHaveLength(4);
  });
});

describe('killed after sending the avatar create, before its answer', () => {
  it('the re-run replays the same create (its Idempotency-Key) instead of making a second avatar', async () => {
    const emulator = await startEmulator({});
    const project = await tempProject([spec('lost', 'people/di.png', ['Hi.'])]);
    try {
      await writePhoto(project.root, 'people/di.png');
      // HeyGen has the whole request, dawdles, and makes the avatar even though the client is gone
      emulator.faults.add({ method: 'POST', path: '/v3/avatars', fault: { type: 'delay', ms: 1500 }, times: 1 });
      const first = prebuild(project.root, emulator);
      await vi.waitFor(() => expect([...emulator.state.createRequestsByKey.keys()].some((k) => k.startsWith('photo-avatar-'))).toBe(true), { timeout: 60_000, interval: 10 });
      first.kill();
      expect((await first.done).code).toBeNull();
      await vi.waitFor(() => expect(emulator.state.photoAvatars.size).toBe(1), { timeout: 10_000, interval: 20 });

      const again = await prebuild(project.root, emulator).done;
      expect(again.code, again.stderr).toBe(0);
      expect(emulator.state.photoAvatars.size).toBe(1);
      expect(videosWith(emulator, [...emulator.state.photoAvatars.values()][0]!.lookId)).toHaveLength(1);
    } finally {
      await emulator.close();
      await project.cleanup();
    }
  });
});

describe('webhook mode', () => {
  it('a photo avatar (no webhook event) is polled at the usual pace, not the slow safety net', async () => {
    const emulator = await startEmulator({ timing: { pendingMs: 100, processingMinMs: 2_000 }, callbackSecret: 'whsec_test_photo' });
    const project = await tempProject([spec('hooked', 'people/ed.png', ['Hi.'])]);
    try {
      await writePhoto(project.root, 'people/ed.png');
      const result = await runPrebuild({ root: project.root, connect: connectTo(emulator), webhook: { secret: 'whsec_test_photo' } });
      expect(result.failed).toEqual([]);
      const lookId = [...emulator.state.photoAvatars.values()][0]!.lookId;
      // the safety net's first poll comes after 2 minutes: several reads during 2 s of training mean the usual cadence
      const reads = emulator.state.requests.filter((r) => r.method === 'GET' && r.path === `/v3/avatars/looks/${lookId}`).length;
      expect(reads).toBeGreaterThanOrEqual(3);
    } finally {
      await emulator.close();
      await project.cleanup();
    }
  });
});

describe('a photo avatar waiting for consent', () => {
  it('says who must open which link; after consent the re-run goes on with the same avatar', async () => {
    const emulator = await startEmulator({});
    const project = await tempProject([spec('consent', 'people/bo.png', ['Hi.'])]);
    try {
      await writePhoto(project.root, 'people/bo.png');
      emulator.faults.add({ method: 'POST', path: '/v3/avatars', fault: { type: 'pending-consent' }, times: 1 });
      const blocked = await prebuild(project.root, emulator).done;
      expect(blocked.code).toBe(1);
      const url = /must open (\S+) and agree/.exec(blocked.stderr)?.[1];
      expect(url, blocked.stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/consent\//);
      expect(blocked.stderr).toContain('then re-run (the same avatar is used, not a new one)');
      expect(emulator.state.videos.size).toBe(0);
      expect(blocked.stderr).not.toContain(KEY);

      expect((await fetch(url!)).ok).toBe(true); // the pictured person consents
      const again = await prebuild(project.root, emulator).done;
      expect(again.code, again.stderr).toBe(0);
      expect(emulator.state.photoAvatars.size).toBe(1);
      expect(avatarCreates(emulator)).toBe(1);
      expect(videosWith(emulator, [...emulator.state.photoAvatars.values()][0]!.lookId)).toHaveLength(1);
    } finally {
      await emulator.close();
      await project.cleanup();
    }
  });

  it('a refused photo fails its clips with HeyGen\'s reason and pays for no clip', async () => {
    const emulator = await startEmulator({});
    const project = await tempProject([spec('refused', 'people/cy.png', ['Hi.'])]);
    try {
      await writePhoto(project.root, 'people/cy.png');
      emulator.faults.add({ method: 'POST', path: '/v3/avatars', fault: { type: 'fail' }, times: 1 });
      const failed = await prebuild(project.root, emulator).done;
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain('No face was found in the photo');
      expect(failed.stderr).toContain('is not ready');
      expect(failed.stderr).toContain('the 0 ready clip(s) are kept'); // the avatar is not counted as a clip
      expect(emulator.state.videos.size).toBe(0);
    } finally {
      await emulator.close();
      await project.cleanup();
    }
  });
});
