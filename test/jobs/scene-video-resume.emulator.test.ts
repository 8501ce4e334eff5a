import { runScript } from '../helpers/processes';
import { prebuildChild } from '../helpers/prebuild-child';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { manifestSchema } from '../../src/spec/manifest';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { asHeyGen } from '../helpers/as-heygen';
import { SHORT_SPEC, tempProject } from '../helpers/project';

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
  const child = prebuildChild(root, emulator, KEY, ['--json', '--concurrency', '2']);
  return { done: child.done.then((r) => r.code), kill: child.kill };
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

describe('--dry-run of template and Video Agent scenes', () => {
  it('lists each job with its kind and estimated length and cost (from the template\'s script, the prompt\'s asked length), sending nothing billable', async () => {
    const emulator = await startEmulator({});
    const proxy = await asHeyGen(emulator.url);
    const project = await tempProject([{ ...SPEC, id: 'dry', scenes: [SPEC.scenes[0]!, { title: 'Agent', video: { type: 'agent', prompt: 'A dry run only.' } }, { title: 'Timed agent', video: { type: 'agent', prompt: 'A 45-second tour of our quarter.' } }] }]);
    try {
      const env = { ...process.env, HEYGEN_API_KEY: KEY, HEYGEN_API_BASE_URL: proxy.url, HEYGEN_UPLOAD_BASE_URL: proxy.url, HEYGEN_API_GENERATION: 'v3', HEYGEN_USD_PER_SECOND: '0.5' };
      const { code, stderr } = await runScript('prebuild.ts', ['--dry-run'], { cwd: project.root, env });
      expect(code, stderr).toBe(0);
      // "Welcome to Killed Co, Ann! We are glad you are here." is 11 words: 4.4 s at 150 words/min, plus 0.5 s at the cut
      expect(stderr).toMatch(/generate\s+\w+\s+template-video\s+dry#1\s+~4\.9 s {2}about \$2\.45 {2}\(estimate: from the template's script\)/);
      expect(stderr).toMatch(/generate\s+\w+\s+agent-video\s+dry#2\s+~60\.0 s {2}about \$30\.00 {2}\(estimate: the prompt names no length, 60 s assumed\)/);
      expect(stderr).toMatch(/generate\s+\w+\s+agent-video\s+dry#3\s+~45\.0 s {2}about \$22\.50 {2}\(estimate: the prompt asks for 45 s\)/);
      expect(stderr).toContain('about $54.95 at $0.5/s');
      expect(stderr).not.toContain(KEY);
      // reads only: who answers, and the template (its script)
      expect(emulator.state.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v3/users/me', 'GET /v3/templates/tpl_welcome']);
    } finally {
      proxy.server.close();
      await emulator.close();
      await project.cleanup();
    }
  });
});
