import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APIConnectionError, APITimeoutError, InternalServerError, RateLimitError, idempotencyKeyFor, avatarClipBodyV3 } from '../../src/heygen';
import { startHarness, HI, AVATAR, VOICE, type Harness } from './harness';

let h: Harness;
// jobs never leave `pending` here: these tests are about creates, and skipping synthesis keeps them fast
beforeAll(async () => {
  h = await startHarness({ timing: { pendingMs: 600_000, processingMinMs: 0 } });
});
afterAll(() => h.close());
beforeEach(() => h.emulator.reset());

const creates = (): number => h.emulator.stats.creates;
const createCalls = (): number => h.emulator.stats.requests.filter((r) => r.method === 'POST' && r.path === '/v3/videos').length;

describe('retries by classification', () => {
  it('429 on a create honours Retry-After, then succeeds with one video', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v3/videos', fault: { type: 'status', status: 429, retryAfter: 1 } });
    // the client's planned wait is the server's Retry-After (1 s), not its own 20 ms backoff
    const planned: string[] = [];
    const client = h.makeClient({ log: (line) => line.startsWith('retrying') && planned.push(line) });
    const started = Date.now();
    const { videoId } = await client.createAvatarClip(HI, { idempotencyKey: 'rl-1' });
    expect(planned).toEqual([expect.stringMatching(/^retrying POST \/v3\/videos in 1000 ms after RateLimitError/)]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(videoId).toBeTruthy();
    expect(createCalls()).toBe(2);
    expect(creates()).toBe(1);
  });

  it('429 with an HTTP-date Retry-After is honoured too', async () => {
    h.emulator.faults.add({ path: '/v3/users/me', fault: { type: 'status', status: 429, retryAfter: new Date(Date.now() + 2000).toUTCString() } });
    const planned: number[] = [];
    const client = h.makeClient({ log: (line) => line.startsWith('retrying') && planned.push(Number(/ in (\d+) ms/.exec(line)?.[1])) });
    await client.users.me();
    // an HTTP date has one-second resolution: the wait planned from it is between 1 and 2 s, far above the 20 ms backoff
    expect(planned).toHaveLength(1);
    expect(planned[0]).toBeGreaterThanOrEqual(900);
    expect(planned[0]).toBeLessThanOrEqual(2000);
  });

  it('gives up after maxRetries with the typed error', async () => {
    h.emulator.faults.add({ path: '/v3/users/me', fault: { type: 'status', status: 429, retryAfter: 0 }, times: 10 });
    const client = h.makeClient({ maxRetries: 2 });
    await expect(client.users.me()).rejects.toBeInstanceOf(RateLimitError);
    expect(h.emulator.stats.requests.filter((r) => r.path === '/v3/users/me')).toHaveLength(3);
  });

  it('5xx, gateway pages and connection resets on reads are retried', async () => {
    h.emulator.faults.add({ path: '/v3/users/me', fault: { type: 'status', status: 503 } });
    h.emulator.faults.add({ path: '/v3/users/me', fault: { type: 'gateway' } });
    h.emulator.faults.add({ path: '/v3/users/me', fault: { type: 'reset' } });
    const me = await h.client.users.me();
    expect(me.wallet?.currency).toBe('usd');
    expect(h.emulator.stats.requests.filter((r) => r.path === '/v3/users/me')).toHaveLength(4);
  });

  it('a POST without an idempotency key is not retried on 500 (it might have been processed)', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v1/asset', fault: { type: 'status', status: 500 } });
    const legacy = h.makeClient({ generation: 'legacy' });
    await expect(legacy.assets.upload({ data: Buffer.from('RIFF0000WAVEfmt '), filename: 'a.wav' })).rejects.toBeInstanceOf(InternalServerError);
    expect(h.emulator.stats.requests.filter((r) => r.path === '/v1/asset')).toHaveLength(1);
  });

  it('a create that fails with 500 is retried with the same Idempotency-Key and makes one video', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v3/videos', fault: { type: 'status', status: 500 }, times: 2 });
    await h.client.createAvatarClip(HI, { idempotencyKey: 'five-hundred' });
    const calls = h.emulator.stats.requests.filter((r) => r.method === 'POST' && r.path === '/v3/videos');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.headers['idempotency-key']))).toEqual(new Set(['five-hundred']));
    expect(creates()).toBe(1);
  });

  it('a connection reset after the video was made is retried and replayed: still one video', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v3/videos', fault: { type: 'reset-after' } });
    const { videoId } = await h.client.createAvatarClip(HI, { idempotencyKey: 'lost-answer' });
    expect(createCalls()).toBe(2);
    expect(creates()).toBe(1);
    expect(h.emulator.stats.createsByKey.get('lost-answer')).toBe(1);
    expect(h.emulator.stats.createRequestsByKey.get('lost-answer')).toBe(2);
    expect(h.emulator.stats.videos.has(videoId)).toBe(true);
  });

  it('a connection reset before the create is retried: one video', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v3/videos', fault: { type: 'reset' } });
    await h.client.createAvatarClip(HI, { idempotencyKey: 'reset-before' });
    expect(creates()).toBe(1);
  });

  it('a create timing out while the first is in flight meets 409 request_in_progress, then the replay: one video', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v3/videos', fault: { type: 'delay', ms: 700 } });
    const client = h.makeClient({ timeouts: { readMs: 5000, createMs: 250, uploadMs: 5000, downloadMs: 5000 }, retryBaseDelayMs: 150, retryMaxDelayMs: 400, maxRetries: 6 });
    const logs: string[] = [];
    const logged = h.makeClient({ ...client.config, log: (l) => logs.push(l) });
    const { videoId } = await logged.createAvatarClip(HI, { idempotencyKey: 'slow-create' });
    expect(logs.some((l) => l.includes('APITimeoutError'))).toBe(true);
    expect(logs.some((l) => l.includes('request_in_progress'))).toBe(true);
    expect(logs.join('\n')).not.toContain('hg-test-key');
    expect(creates()).toBe(1);
    expect(h.emulator.stats.createsByKey.get('slow-create')).toBe(1);
    expect(h.emulator.stats.videos.has(videoId)).toBe(true);
  });

  it('a read that times out every time ends in APITimeoutError naming the timeout to raise', async () => {
    h.emulator.faults.add({ path: '/v3/users/me', fault: { type: 'delay', ms: 400 }, times: 3 });
    const client = h.makeClient({ timeouts: { readMs: 100, createMs: 100, uploadMs: 100, downloadMs: 100 }, maxRetries: 1 });
    const error = await client.users.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain('timeouts.readMs');
  });

  it('without a caller key the create key is derived from the content: the same clip twice is one video', async () => {
    const body = avatarClipBodyV3({ ...HI, title: 'derived' });
    const a = await h.client.videos.create(body);
    const b = await h.client.videos.create({ ...body });
    expect(b.video_id).toBe(a.video_id);
    expect(creates()).toBe(1);
    const key = idempotencyKeyFor('POST /v3/videos', body);
    expect(h.emulator.stats.createRequestsByKey.get(key)).toBe(2);
    const other = await h.client.videos.create({ type: 'avatar', avatar_id: AVATAR, voice_id: VOICE, script: 'Hello.', resolution: '720p', output_format: 'webm' });
    expect(other.video_id).not.toBe(a.video_id);
    expect(creates()).toBe(2);
  });

  it('an invalid Idempotency-Key is a 400 from the emulator, and the client hashes such keys into the allowed alphabet', async () => {
    const { videoId } = await h.client.createAvatarClip(HI, { idempotencyKey: 'has spaces / and slashes' });
    expect(videoId).toBeTruthy();
    const sent = h.emulator.stats.requests.find((r) => r.path === '/v3/videos')?.headers['idempotency-key'];
    expect(sent).toMatch(/^[A-Za-z0-9_:.-]+$/);
  });
});
