import { execFile, spawn } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { manifestSchema } from '../../src/spec/manifest';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { PROJECT_ROOT, SHORT_SPEC, tempProject } from '../helpers/project';

const require = createRequire(import.meta.url);
const TSX = require.resolve('tsx');
const PREBUILD = path.join(PROJECT_ROOT, 'scripts', 'prebuild.ts');
const KEY = 'sk-test-scene-video-resume';

const SPEC: VideoSpecInput = {
  ...SHORT_SPEC,
  id: 'scene-videos',
  scenes: [
    { title: 'From a template', video: { type: 'template', template: 'tpl_welcome', variables: { name: 'Ann', company: 'Killed Co' } } },
    { title: 'From Video Agent', video: { type: 'agent', prompt: 'Our quarter, killed mid-flight and resumed.' } },
  ],
};

/** The real prebuild CLI in its own process against the emulator (which runs in this process, its state readable). */
function prebuild(root: string, emulator: Emulator): { done: Promise<number | null>; kill: () => void } {
  const child = spawn(process.execPath, ['--import', TSX, PREBUILD, '--json', '--concurrency', '2'], {
    cwd: root,
    env: { ...process.env, HEYGEN_API_KEY: KEY, HEYGEN_API_BASE_URL: emulator.url, HEYGEN_UPLOAD_BASE_URL: emulator.url, HEYGEN_API_GENERATION: 'v3' },
    stdio: 'ignore',
  });
  const done = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  return { done, kill: () => child.kill('SIGKILL') };
}

const templateVideos = (e: Emulator) => [...e.state.videos.values()].filter((v) => v.idempotencyKey?.startsWith('template-video-'));
const templateCreates = (e: Emulator) => e.state.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/v3/templates/')).length;
const agentCreates = (e: Emulator) => e.state.requests.filter((r) => r.method === 'POST' && r.path === '/v3/video-agents').length;

describe('template and Video Agent scenes: a prebuild killed with SIGKILL mid-job resumes without a second paid job', () => {
  let emulator: Emulator;
  let project: Awaited<ReturnType<typeof tempProject>>;
  beforeAll(async () => {
    // slow enough that both jobs are still in flight when the run is killed
    emulator = await startEmulator({ timing: { pendingMs: 200, processingMinMs: 3_000 } });
    project = await tempProject([SPEC]);
  });
  afterAll(async () => {
    await emulator?.close();
    await project?.cleanup();
  });

  it('one template video and one agent session in total; both clips in the manifest', async () => {
    const first = prebuild(project.root, emulator);
    await vi.waitFor(() => {
      expect(templateVideos(emulator)).toHaveLength(1);
      expect(emulator.state.agentSessions.size).toBe(1);
    }, { timeout: 60_000, interval: 20 });
    const agentVideo = emulator.state.videos.get([...emulator.state.agentSessions.values()][0]!.videoId)!;
    expect(agentVideo.status).not.toBe('completed'); // the kill lands while the jobs are in flight
    first.kill();
    expect(await first.done).toBeNull();

    expect(await prebuild(project.root, emulator).done).toBe(0);
    expect(templateVideos(emulator)).toHaveLength(1);
    expect(emulator.state.agentSessions.size).toBe(1);
    expect(agentCreates(emulator)).toBe(1); // HeyGen honours no key here: the session was found, not sent again
    expect(templateCreates(emulator)).toBeLessThanOrEqual(2); // a re-sent template create is replayed by its key
    expect([...emulator.state.createsByKey.values()].every((n) => n === 1)).toBe(true);

    const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(project.root, 'public/clips/manifest.json'), 'utf8')));
    const ids = Object.values(manifest.clips).map((c) => c.videoId).sort();
    expect(ids).toEqual([templateVideos(emulator)[0]!.id, agentVideo.id].sort());
    expect(JSON.stringify(manifest)).not.toContain(KEY);

    // nothing left to do: a third run creates nothing
    expect(await prebuild(project.root, emulator).done).toBe(0);
    expect(templateCreates(emulator) + agentCreates(emulator)).toBeLessThanOrEqual(3);
    expect(emulator.state.agentSessions.size).toBe(1);
    expect(templateVideos(emulator)).toHaveLength(1);
  });
});

/** Forwards to the emulator without its self-announcing header, so the client takes it for HeyGen and prices the plan. */
async function asHeyGen(target: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const up = request(new URL(req.url!, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (r) => {
      const headers = { ...r.headers };
      delete headers['x-heygen-emulator'];
      res.writeHead(r.statusCode!, headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('--dry-run of template and Video Agent scenes', () => {
  it('lists each job with its kind and estimated cost, and sends nothing billable', async () => {
    const emulator = await startEmulator({});
    const proxy = await asHeyGen(emulator.url);
    const project = await tempProject([{ ...SPEC, id: 'dry', scenes: [SPEC.scenes[0]!, { title: 'Agent', video: { type: 'agent', prompt: 'A dry run only.' } }] }]);
    try {
      const env = { ...process.env, HEYGEN_API_KEY: KEY, HEYGEN_API_BASE_URL: proxy.url, HEYGEN_UPLOAD_BASE_URL: proxy.url, HEYGEN_API_GENERATION: 'v3', HEYGEN_USD_PER_SECOND: '0.5' };
      const { stderr } = await promisify(execFile)(process.execPath, ['--import', TSX, PREBUILD, '--dry-run'], { cwd: project.root, env });
      expect(stderr).toMatch(/generate\s+\w+\s+template-video\s+dry#1\s+~8\.0 s {2}about \$4\.00/);
      expect(stderr).toMatch(/generate\s+\w+\s+agent-video\s+dry#2\s+~8\.0 s {2}about \$4\.00/);
      expect(stderr).toContain('about $8.00 at $0.5/s');
      expect(stderr).not.toContain(KEY);
      expect(emulator.state.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/users/me']);
    } finally {
      proxy.server.close();
      await emulator.close();
      await project.cleanup();
    }
  });
});
