import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createHeyGenClient, type HeyGenClient } from '../../../src/heygen';

const KEY = 'control-test-key-99';

interface EmulatorStateJson {
  creates: number;
  createsByKey: Record<string, number>;
  createRequestsByKey: Record<string, number>;
  faults: { remaining: number; hits: number }[];
  videos: Record<string, unknown>[];
  requests: { method: string; path: string; headers: Record<string, string> }[];
}
let child: ChildProcess;
let url: string;
let client: HeyGenClient;

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: { data: Record<string, unknown> & { ids?: number[] } }; requestId: string | null }> {
  const res = await fetch(`${url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, json: (await res.json()) as { data: Record<string, unknown> }, requestId: res.headers.get('x-request-id') };
}

beforeAll(async () => {
  // a separate process, as the prebuild's child would see it: only HTTP reaches it
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/emulator.ts', '--port', '0', '--quiet', '--pending-ms', '20', '--processing-ms', '40'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  client = createHeyGenClient({ apiKey: KEY, baseUrl: url });
});

afterAll(async () => {
  await client?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

describe('emulator over HTTP from another process', () => {
  it('prints its base URL and answers HeyGen envelopes with an X-Request-Id everywhere', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const unknown = await fetch(`${url}/v3/nothing-here`, { headers: { 'x-api-key': KEY } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found', doc_url: expect.stringContaining('error-codes#not-found') } });
    const wrongMethod = await fetch(`${url}/v3/users/me`, { method: 'DELETE', headers: { 'x-api-key': KEY } });
    expect(wrongMethod.status).toBe(405);
    const file = await fetch(`${url}/files/videos/none.webm`);
    expect(file.status).toBe(403);
    expect(file.headers.get('x-request-id')).toMatch(/^req_/);
    expect((await control('GET', '/__emulator/state')).requestId).toMatch(/^req_/);
  });

  it('faults switched on over HTTP apply to the next matching request, and the state shows it', async () => {
    const added = await control('POST', '/__emulator/faults', [
      { method: 'POST', pathPattern: '^/v3/videos$', fault: { type: 'status', status: 503 } },
      { method: 'POST', path: '/v3/videos', fault: { type: 'reset-after' } },
    ]);
    expect(added.status).toBe(201);
    expect(added.json.data.ids).toHaveLength(2);
    const { videoId } = await client.createAvatarClip({ avatarId: 'josh_lite3_20230714', script: 'Hi.', resolution: '720p', aspectRatio: '16:9' }, { idempotencyKey: 'ctl-1' });
    const state = (await control('GET', '/__emulator/state')).json.data as unknown as EmulatorStateJson;
    expect(state.creates).toBe(1);
    expect(state.createsByKey).toEqual({ 'ctl-1': 1 });
    // the 503 was answered before the app saw the key; the reset-after attempt and its replay were counted
    expect(state.createRequestsByKey['ctl-1']).toBe(2);
    expect(state.requests.filter((r) => r.method === 'POST' && r.path === '/v3/videos')).toHaveLength(3);
    expect(state.faults.every((f) => f.remaining === 0 && f.hits === 1)).toBe(true);
    expect(state.videos[0]).toMatchObject({ id: videoId, width: 1280, height: 720, outputFormat: 'webm' });
    const creates = state.requests.filter((r) => r.path === '/v3/videos');
    expect(creates.every((r) => r.headers['x-api-key'] === '[redacted]')).toBe(true);
    expect(JSON.stringify(state)).not.toContain(KEY);
  });

  it('config, URL expiry and reset', async () => {
    const { videoId } = await client.createAvatarClip({ avatarId: 'josh_lite3_20230714', script: 'Hi.', resolution: '720p', aspectRatio: '1:1' }, { idempotencyKey: 'ctl-2' });
    const { videoUrl } = await client.waitForVideo(videoId);
    expect((await fetch(videoUrl)).status).toBe(200);
    expect((await control('POST', '/__emulator/expire-urls')).status).toBe(200);
    expect((await fetch(videoUrl)).status).toBe(403);
    expect((await control('POST', '/__emulator/config', { concurrencyCap: 1, walletUsd: 0 })).status).toBe(200);
    await expect(client.createAvatarClip({ avatarId: 'josh_lite3_20230714', script: 'Bye.', resolution: '720p', aspectRatio: '1:1' }, { idempotencyKey: 'ctl-3' })).rejects.toMatchObject({ status: 402 });
    expect((await control('POST', '/__emulator/reset')).status).toBe(200);
    const state = (await control('GET', '/__emulator/state')).json.data;
    expect(state).toMatchObject({ creates: 0, videos: [], faults: [], walletUsd: 100 });
  });
});
