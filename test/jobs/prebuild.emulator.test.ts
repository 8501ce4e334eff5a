import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { testPortrait } from '../helpers/test-portrait';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { runPrebuild, type PrebuildEvent } from '../../src/jobs/run-prebuild';
import { SpecError } from '../../src/project/spec-error';
import { manifestSchema } from '../../src/spec/manifest';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { connectTo as connectToEmulator } from '../helpers/connect-emulator';
import { PROJECT_ROOT, SHORT_SPEC, tempProject } from '../helpers/project';

const require = createRequire(import.meta.url);
const TSX = require.resolve('tsx');
const PREBUILD = path.join(PROJECT_ROOT, 'scripts', 'prebuild.ts');

const SECRET_KEY = 'sk-test-NEVER-WRITE-ME-8d1f';

const THREE: VideoSpecInput = {
  ...SHORT_SPEC,
  id: 'three',
  scenes: [{ title: 'A', script: 'First.' }, { title: 'B', script: 'Second.' }, { title: 'C', script: 'Third.' }],
};

const connectTo = (emulator: Emulator) => connectToEmulator(emulator, SECRET_KEY);

/** Runs the prebuild CLI in its own process against the emulator; kills it with SIGKILL when `killAt` says so. */
function runCli(root: string, emulator: Emulator, killAt?: (e: { state?: string }) => boolean): Promise<{ code: number | null; killed: boolean; events: { state?: string }[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, PREBUILD, '--json', '--concurrency', '2'], {
      cwd: root,
      env: { ...process.env, HEYGEN_API_KEY: SECRET_KEY, HEYGEN_API_BASE_URL: emulator.url, HEYGEN_UPLOAD_BASE_URL: emulator.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const events: { state?: string }[] = [];
    let killed = false;
    let buf = '';
    child.stderr.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        const e = JSON.parse(line) as { state?: string };
        events.push(e);
        if (!killed && killAt?.(e)) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, killed, events }));
  });
}

async function writePhoto(root: string): Promise<void> {
  await mkdir(path.join(root, 'public', 'assets'), { recursive: true });
  await writeFile(path.join(root, 'public', 'assets', 'photo.png'), testPortrait('#c08040', '#fff'));
}

async function storeFiles(root: string): Promise<string[]> {
  return readdir(path.join(root, 'public', 'clips')).catch(() => []);
}

describe('prebuild', () => {
  let emulator: Emulator;
  const projects: { cleanup(): Promise<void> }[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ timing: { pendingMs: 150, processingMinMs: 600 } });
  });
  afterEach(() => emulator.faults.clear?.());
  afterAll(async () => {
    await emulator.close();
    await Promise.all(projects.map((p) => p.cleanup()));
  });

  it('regenerates only the scene whose script changed, and nothing on a re-run', async () => {
    const project = await tempProject([THREE]);
    projects.push(project);
    const before = emulator.stats.creates;
    const first = await runPrebuild({ root: project.root, connect: connectTo(emulator) });
    expect(first.generated).toBe(3);
    expect(emulator.stats.creates - before).toBe(3);

    const again = await runPrebuild({ root: project.root, connect: connectTo(emulator) });
    expect(again.generated).toBe(0);
    expect(emulator.stats.creates - before).toBe(3);

    const edited = { ...THREE, scenes: [THREE.scenes[0]!, { title: 'B', script: 'Second, but edited.' }, THREE.scenes[2]!] };
    await writeFile(path.join(project.root, project.files[0]!), JSON.stringify(edited));
    const third = await runPrebuild({ root: project.root, connect: connectTo(emulator) });
    expect(third.generated).toBe(1);
    expect(emulator.stats.creates - before).toBe(4);
    const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(project.root, 'public/clips/manifest.json'), 'utf8')));
    expect(Object.keys(manifest.clips)).toHaveLength(4);
    for (const entry of Object.values(manifest.clips)) {
      expect(entry.fps).toBe(25);
      expect(entry.subtitles).toMatch(/\.srt$/);
      expect(entry.words?.length).toBeGreaterThan(0);
    }
  });

  it('never has more jobs in flight than --concurrency', async () => {
    const five = { ...THREE, id: 'five', scenes: ['One.', 'Two.', 'Three.', 'Four.', 'Five.'].map((s, i) => ({ title: `S${i}`, script: `${s} Cap test.` })) };
    const project = await tempProject([five]);
    projects.push(project);
    const since = Date.now();
    const result = await runPrebuild({ root: project.root, connect: connectTo(emulator), concurrency: 2 });
    expect(result.generated).toBe(5);
    const jobs = [...emulator.stats.videos.values()].filter((j) => j.createdAt >= since);
    expect(jobs).toHaveLength(5);
    // A job is in flight from its create until it completes (the download follows, then the next create).
    const edges = jobs.flatMap((j) => [
      { t: j.createdAt, d: 1 },
      { t: j.completedAt!, d: -1 },
    ]);
    edges.sort((a, b) => a.t - b.t || a.d - b.d);
    let open = 0;
    let peak = 0;
    for (const e of edges) peak = Math.max(peak, (open += e.d));
    expect(peak).toBeLessThanOrEqual(2);
    expect(peak).toBe(2);
  });

  it('--dry-run prints the plan and sends nothing billable; a dummy key on the emulator plans emulator clips, not HeyGen ones', async () => {
    const project = await tempProject([THREE]);
    projects.push(project);
    const events: PrebuildEvent[] = [];
    const creates = emulator.stats.creates;
    // The client sends a key and talks to HEYGEN_API_BASE_URL: the server itself says it is the emulator.
    const result = await runPrebuild({ root: project.root, dryRun: true, onEvent: (e) => events.push(e), connect: connectTo(emulator) });
    expect(result.plan.backend).toBe('emulator');
    expect(result.generated).toBe(0);
    expect(result.estimatedSec).toBeGreaterThan(0);
    expect(result.estimatedUsd).toBe(0);
    expect(events[0]).toMatchObject({ type: 'plan', dryRun: true });
    expect(emulator.stats.creates).toBe(creates);
    expect(existsSync(path.join(project.root, '.heygen'))).toBe(false);
  });

  it('keys clips by the generation the client uses (v2 means legacy) and the backend the server names', async () => {
    const project = await tempProject([THREE]);
    projects.push(project);
    const saved = process.env.HEYGEN_API_GENERATION;
    process.env.HEYGEN_API_GENERATION = 'v2';
    try {
      const { plan } = await runPrebuild({ root: project.root, dryRun: true, connect: connectTo(emulator) });
      expect(plan.generation).toBe('legacy');
      expect(plan.backend).toBe('emulator');
    } finally {
      if (saved === undefined) delete process.env.HEYGEN_API_GENERATION;
      else process.env.HEYGEN_API_GENERATION = saved;
    }
  });

  describe('bad specs', () => {
    const cases: [string, (s: VideoSpecInput) => unknown, RegExp][] = [
      ['a file outside public/', (s) => ({ ...s, avatar: { photo: '../secret.png' } }), /\$\.avatar\.photo: use a path inside public\//],
      ['a missing file', (s) => ({ ...s, avatar: { photo: 'assets/nope.png' } }), /\$\.avatar\.photo: "assets\/nope\.png" is not a file inside public\/.*put the file there or fix the path/],
      ['both script and audio', (s) => ({ ...s, scenes: [{ title: 'x', script: 'Hi.', audio: 'a.wav' }] }), /\$\.scenes\[0\]: give the scene exactly one of "script"/],
      ['an avatar with neither id nor photo', (s) => ({ ...s, avatar: {} }), /\$\.avatar: give exactly one of "id"/],
      ['a voice speed out of range', (s) => ({ ...s, voice: { id: 'v', speed: 3 } }), /\$\.voice\.speed: must be at most 1\.5/],
    ];
    for (const [name, mutate, message] of cases) {
      it(`names the file, path and fix for ${name}`, async () => {
        const project = await tempProject([mutate(SHORT_SPEC) as VideoSpecInput]);
        projects.push(project);
        const err = await runPrebuild({ root: project.root, connect: () => Promise.reject(new Error('must not connect')) }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(SpecError);
        expect((err as Error).message).toContain('videos/short.json');
        expect((err as Error).message).toMatch(message);
      });
    }
  });

  describe('killed with SIGKILL and run again', () => {
    const points: [string, (e: { state?: string }) => boolean][] = [
      ['while uploading', (e) => e.state === 'uploading'],
      ['right after a create', (e) => e.state === 'submitted'],
      ['while polling', (e) => e.state === 'processing'],
      ['mid-download', (e) => e.state === 'downloading'],
    ];
    for (const [name, killAt] of points) {
      it(`${name}: every clip ready, no second video, no partial file`, async () => {
        // Scripts unique to this case: the same content would (rightly) replay another case's videos.
        const spec = {
          ...SHORT_SPEC,
          id: `kill-${name.replace(/\W+/g, '-')}`,
          avatar: { photo: 'assets/photo.png' },
          scenes: SHORT_SPEC.scenes.map((s) => ({ ...s, script: `${s.script} Killed ${name}.` })),
        };
        const project = await tempProject([spec]);
        projects.push(project);
        await writePhoto(project.root);
        // Slow file downloads so the kill lands while one is under way.
        if (name === 'mid-download') emulator.faults.add({ method: 'GET', path: /^\/files\/videos\//, fault: { type: 'delay', ms: 1500 }, times: 2 });
        const since = Date.now();

        const killed = await runCli(project.root, emulator, killAt);
        expect(killed.killed).toBe(true);
        const resumed = await runCli(project.root, emulator);
        expect(resumed.code).toBe(0);

        const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(project.root, 'public/clips/manifest.json'), 'utf8')));
        expect(Object.keys(manifest.clips)).toHaveLength(2);
        const jobs = [...emulator.stats.videos.values()].filter((j) => j.createdAt >= since);
        const perKey = new Map<string, number>();
        for (const j of jobs) perKey.set(j.idempotencyKey!, (perKey.get(j.idempotencyKey!) ?? 0) + 1);
        expect(jobs).toHaveLength(2);
        expect([...perKey.values()]).toEqual([1, 1]);
        const files = await storeFiles(project.root);
        expect(files.filter((f) => /\.part-|\.tmp$/.test(f))).toEqual([]);
        expect(files.filter((f) => f.endsWith('.done'))).toHaveLength(2);
        // The key appears in nothing the prebuild wrote or printed.
        for (const dir of ['.heygen', 'public/clips']) {
          for (const f of await readdir(path.join(project.root, dir))) {
            if (/\.(json|srt|done|lock)$/.test(f)) expect(await readFile(path.join(project.root, dir, f), 'utf8')).not.toContain(SECRET_KEY);
          }
        }
        expect(JSON.stringify([killed.events, resumed.events])).not.toContain(SECRET_KEY);
        // Nothing left to do: a third run only asks who answers (GET /v3/users/me).
        const before = emulator.stats.requests.length;
        expect((await runCli(project.root, emulator)).code).toBe(0);
        expect(emulator.stats.requests.slice(before).map((r) => r.path)).toEqual(['/v3/users/me']);
      });
    }
  });
});

describe('prebuild in webhook mode', () => {
  it('learns each video is done from a signed delivery, not from polling', async () => {
    const emulator = await startEmulator({ timing: { pendingMs: 100, processingMinMs: 800 }, callbackSecret: 'whsec_test_callback' });
    const project = await tempProject([{ ...THREE, id: 'hooked', scenes: THREE.scenes.map((s) => ({ ...s, script: `${s.script} Webhook.` })) }]);
    try {
      const result = await runPrebuild({ root: project.root, connect: connectTo(emulator), webhook: { secret: 'whsec_test_callback' } });
      expect(result.failed).toEqual([]);
      expect(result.generated).toBe(3);
      const jobs = [...emulator.stats.videos.values()];
      expect(jobs.every((j) => j.callbackUrl?.startsWith('http://127.0.0.1:'))).toBe(true);
      // Polling would GET each video many times while it renders; with webhooks only the download asks for URLs.
      for (const job of jobs) {
        const gets = emulator.stats.requests.filter((r) => r.method === 'GET' && r.path === `/v3/videos/${job.id}`).length;
        expect(gets).toBeLessThanOrEqual(2);
      }
      expect(emulator.stats.deliveries.length).toBeGreaterThanOrEqual(3);
    } finally {
      await emulator.close();
      await project.cleanup();
    }
  });
});
