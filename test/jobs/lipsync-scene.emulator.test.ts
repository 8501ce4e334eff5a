import { runScript } from '../helpers/processes';
import { prebuildChild, type PrebuildChild } from '../helpers/prebuild-child';
import { toneWav } from '../helpers/tone-wav';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { ffmpegPath, ffprobe, runBinary } from '../../src/media/ffmpeg';
import { SpecError } from '../../src/project/spec-error';
import { manifestSchema } from '../../src/spec/manifest';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { asHeyGen } from '../helpers/as-heygen';
import { PROJECT_ROOT, SHORT_SPEC, tempProject } from '../helpers/project';

const KEY = 'sk-test-lipsync-scene';

const SPEC: VideoSpecInput = {
  ...SHORT_SPEC,
  id: 'lipsynced',
  format: 'landscape-720p',
  scenes: [
    { title: 'Presenter', script: 'Sales went up.' },
    { title: 'My own footage', video: { type: 'lipsync', footage: 'footage/me.mp4', audio: 'voice/take.wav' } },
  ],
};


/** The user's footage (an MP4 made from the sample clip; written once) and a new recording `audioSec` long, under public/. */
async function writeMedia(root: string, audioSec = 1.5): Promise<void> {
  await mkdir(path.join(root, 'public', 'footage'), { recursive: true });
  await mkdir(path.join(root, 'public', 'voice'), { recursive: true });
  const footage = path.join(root, 'public/footage/me.mp4');
  if (!existsSync(footage)) await runBinary(ffmpegPath(), ['-y', '-v', 'error', '-i', path.join(PROJECT_ROOT, 'public/sample/presenter.webm'), '-t', '2', '-an', '-vf', 'scale=320:-2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', footage]);
  await writeFile(path.join(root, 'public/voice/take.wav'), toneWav(audioSec));
}

const prebuild = (root: string, emulator: Emulator, args: string[] = []): PrebuildChild => prebuildChild(root, emulator, KEY, args);

const lipsyncCreates = (e: Emulator) => e.state.requests.filter((r) => r.method === 'POST' && r.path === '/v3/lipsyncs').length;
const assetUploads = (e: Emulator) => e.state.requests.filter((r) => r.method === 'POST' && r.path === '/v3/assets').length;
const readManifest = async (root: string) => manifestSchema.parse(JSON.parse(await readFile(path.join(root, 'public/clips/manifest.json'), 'utf8')));

describe('a lipsync scene: killed with SIGKILL mid-job, the re-run pays for no second lipsync', () => {
  let emulator: Emulator;
  let project: Awaited<ReturnType<typeof tempProject>>;
  beforeAll(async () => {
    emulator = await startEmulator({ timing: { pendingMs: 200, processingMinMs: 3_000 } });
    project = await tempProject([SPEC]);
    await writeMedia(project.root);
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.cleanup();
  });

  it('one lipsync and one upload per file in total; the scene is the lipsynced footage with its captions', async () => {
    const first = prebuild(project.root, emulator, ['--json']);
    await vi.waitFor(() => expect(emulator.state.lipsyncs.size).toBe(1), { timeout: 60_000, interval: 20 });
    const lipsync = [...emulator.state.lipsyncs.values()][0]!;
    expect(emulator.state.renders.get(lipsync.jobId)!.status).not.toBe('completed'); // killed while in flight
    first.kill();
    expect((await first.done).code).toBeNull();

    const second = await prebuild(project.root, emulator).done;
    expect(second.code, second.stderr).toBe(0);
    expect(emulator.state.lipsyncs.size).toBe(1);
    expect(lipsyncCreates(emulator)).toBeLessThanOrEqual(2); // a re-sent create is replayed by its Idempotency-Key
    expect([...emulator.state.createsByKey.values()].every((n) => n === 1)).toBe(true);
    expect(assetUploads(emulator)).toBe(2); // footage and recording, each once

    const manifest = await readManifest(project.root);
    const entry = Object.values(manifest.clips).find((c) => c.videoId === lipsync.id)!;
    expect(entry).toBeDefined();
    expect(entry.durationSec).toBeCloseTo(1.5, 0); // as long as the new recording
    expect(entry.subtitles).toBeDefined();
    const probe = await ffprobe(path.join(project.root, 'public', entry.file));
    expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    expect(JSON.stringify(manifest)).not.toContain(KEY);

    // nothing left to do: a third run sends nothing billable
    expect((await prebuild(project.root, emulator).done).code).toBe(0);
    expect(emulator.state.lipsyncs.size).toBe(1);
    expect(assetUploads(emulator)).toBe(2);
  });

  it('a new recording (same path, other bytes) is a new lipsync; the footage is not uploaded again', async () => {
    await writeMedia(project.root, 1.0);
    const run = await prebuild(project.root, emulator).done;
    expect(run.code, run.stderr).toBe(0);
    expect(emulator.state.lipsyncs.size).toBe(2);
    // the footage is unchanged: only the new recording is uploaded
    expect(assetUploads(emulator)).toBe(3);
  });
});

describe('a lipsync that HeyGen fails', () => {
  it('fails that scene with HeyGen\'s code and message, keeps the rest, and the re-run makes a new attempt', async () => {
    const emulator = await startEmulator({});
    const project = await tempProject([SPEC]);
    try {
      await writeMedia(project.root);
      emulator.faults.add({ method: 'POST', path: '/v3/lipsyncs', fault: { type: 'fail', failureCode: 'face_not_found', failureMessage: 'No face found in the footage' }, times: 1 });
      const failed = await prebuild(project.root, emulator).done;
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/1 clip\(s\) failed/);
      expect(failed.stderr).toContain('No face found in the footage');
      const kept = await readManifest(project.root);
      expect(Object.keys(kept.clips)).toHaveLength(1); // the presenter scene is kept

      const again = await prebuild(project.root, emulator).done;
      expect(again.code, again.stderr).toBe(0);
      expect(emulator.state.lipsyncs.size).toBe(2); // the failed one is not replayed: a second attempt key
      expect(Object.keys((await readManifest(project.root)).clips)).toHaveLength(2);
    } finally {
      await emulator.close();
      await project.cleanup();
    }
  });
});

describe('lipsync paths stay inside the project', () => {
  it('"../" and a symlink out of public/ are refused before anything is sent, naming the spec file, JSON path and fix', async () => {
    const escape: VideoSpecInput = { ...SPEC, scenes: [{ title: 'Out', video: { type: 'lipsync', footage: '../secret.mp4', audio: 'voice/take.wav' } }] };
    const project = await tempProject([escape]);
    const connect = () => Promise.reject(new Error('nothing may be sent for a bad spec'));
    const outside = path.join(os.tmpdir(), `hr-outside-${process.pid}.mp4`);
    try {
      const err = await runPrebuild({ root: project.root, connect }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SpecError);
      expect((err as Error).message).toContain(path.join('videos', 'lipsynced.json'));
      expect((err as Error).message).toMatch(/\$\.scenes\[0\]\.video\.footage: .*inside public\/.*no "\.\."/);

      await writeMedia(project.root);
      await writeFile(outside, await readFile(path.join(project.root, 'public/footage/me.mp4')));
      await symlink(outside, path.join(project.root, 'public/footage/link.mp4'));
      const linked: VideoSpecInput = { ...SPEC, scenes: [{ title: 'Linked', video: { type: 'lipsync', footage: 'footage/link.mp4', audio: 'voice/take.wav' } }] };
      await writeFile(path.join(project.root, project.files[0]!), JSON.stringify(linked));
      const err2 = await runPrebuild({ root: project.root, connect }).catch((e: unknown) => e);
      expect(err2).toBeInstanceOf(SpecError);
      expect((err2 as Error).message).toContain('at $.scenes[0].video.footage: "footage/link.mp4" is not a file inside public/');
    } finally {
      await rm(outside, { force: true });
      await project.cleanup();
    }
  });
});

describe('--dry-run of a lipsync scene', () => {
  it('estimates its cost from the longer of footage and recording, says it is an estimate, and sends nothing', async () => {
    const emulator = await startEmulator({});
    const proxy = await asHeyGen(emulator.url);
    const project = await tempProject([SPEC]);
    try {
      await writeMedia(project.root, 3);
      const env = { ...process.env, HEYGEN_API_KEY: KEY, HEYGEN_API_BASE_URL: proxy.url, HEYGEN_UPLOAD_BASE_URL: proxy.url, HEYGEN_API_GENERATION: 'v3', HEYGEN_USD_PER_SECOND: '0.5' };
      const { code, stderr } = await runScript('prebuild.ts', ['--dry-run'], { cwd: project.root, env });
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(/generate\s+\w+\s+lipsync-video\s+lipsynced#2\s+~3\.0 s {2}about \$1\.50 {2}\(estimate: from the audio's length \(longer than the footage\)\)/);
      expect(stderr).not.toContain(KEY);
      expect(emulator.state.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/users/me']);

      await writeMedia(project.root, 1);
      const shorter = await runScript('prebuild.ts', ['--dry-run'], { cwd: project.root, env });
      expect(shorter.code, shorter.stderr).toBe(0);
      expect(shorter.stderr).toMatch(/lipsync-video\s+lipsynced#2\s+~2\.0 s {2}about \$1\.00 {2}\(estimate: from the footage's length\)/);
    } finally {
      proxy.server.close();
      await emulator.close();
      await project.cleanup();
    }
  });
});
