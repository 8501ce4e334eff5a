import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { VideoFailedError, VideoTimeoutError } from '../../src/heygen';
import { nextPollDelay } from '../../src/heygen/poll-cadence';
import { REAL_POLL_CADENCE, QUICK_POLL_CADENCE, resolveConfig } from '../../src/heygen/config';
import { startHarness, HI, TEST_KEY, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timing: { pendingMs: 30, processingMinMs: 60 } });
});
afterAll(() => h.close());

describe('polling cadence as data', () => {
  it('real HeyGen: slow and backing off; loopback emulator: quick', () => {
    expect(nextPollDelay(REAL_POLL_CADENCE, 0, 0)).toBe(10_000);
    expect(nextPollDelay(REAL_POLL_CADENCE, 60_000, 3)).toBe(10_000);
    expect(nextPollDelay(REAL_POLL_CADENCE, 200_000, 9)).toBe(30_000);
    expect(nextPollDelay(REAL_POLL_CADENCE, 900_000, 20)).toBe(60_000);
    expect(resolveConfig({}, { HEYGEN_API_KEY: 'k' }).pollCadence).toBe(REAL_POLL_CADENCE);
    expect(resolveConfig({}, { HEYGEN_API_BASE_URL: 'http://127.0.0.1:9999' }).pollCadence).toBe(QUICK_POLL_CADENCE);
    const env = resolveConfig({}, { HEYGEN_API_KEY: 'k', HEYGEN_API_BASE_URL: 'http://localhost:1/', HEYGEN_API_GENERATION: 'legacy' });
    expect(env).toMatchObject({ apiKey: 'k', baseUrl: 'http://localhost:1', uploadBaseUrl: 'http://localhost:1', generation: 'legacy' });
    expect(resolveConfig({}, {}).uploadBaseUrl).toBe('https://upload.heygen.com');
    expect(() => resolveConfig({}, { HEYGEN_API_GENERATION: 'v9' })).toThrow(/v3 or legacy/);
  });
});

describe('waitForVideo', () => {
  it('reports pending → processing → completed through onStatus', async () => {
    const { videoId } = await h.client.createAvatarClip(HI, { idempotencyKey: 'wait-ok' });
    const seen: string[] = [];
    const result = await h.client.waitForVideo(videoId, { onStatus: (s) => seen.push(s.status) });
    expect(result).toMatchObject({ videoId, status: 'completed' });
    expect(['pending', 'processing']).toContain(seen[0]);
    expect(seen).toContain('processing');
    expect(seen.at(-1)).toBe('completed');
  });

  it('a failed render throws VideoFailedError with failure_code and failure_message', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v3/videos', fault: { type: 'fail', failureCode: 'rendering_failed', failureMessage: 'Avatar rendering timed out' } });
    const { videoId } = await h.client.createAvatarClip(HI, { idempotencyKey: 'wait-fail' });
    const error = await h.client.waitForVideo(videoId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VideoFailedError);
    expect(error).toMatchObject({ videoId, failureCode: 'rendering_failed', failureMessage: 'Avatar rendering timed out' });
  });

  it('a job stuck in processing ends in VideoTimeoutError at the deadline, never resubmitted', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v3/videos', fault: { type: 'stuck' } });
    const before = h.emulator.stats.creates;
    const { videoId } = await h.client.createAvatarClip(HI, { idempotencyKey: 'wait-stuck' });
    const error = await h.client.waitForVideo(videoId, { deadlineMs: 1200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VideoTimeoutError);
    expect(error).toMatchObject({ videoId, lastStatus: 'processing' });
    expect(h.emulator.stats.creates).toBe(before + 1);
    expect(h.emulator.stats.requests.filter((r) => r.method === 'POST' && r.path === '/v3/videos')).toHaveLength(before + 1);
    await h.client.videos.delete(videoId);
  });

  it('a passing 503 while polling is waited out', async () => {
    const { videoId } = await h.client.createAvatarClip({ ...HI, title: 'poll-503' }, { idempotencyKey: 'wait-503' });
    h.emulator.faults.add({ method: 'GET', path: `/v3/videos/${videoId}`, fault: { type: 'status', status: 503 }, times: 6 });
    const result = await h.client.waitForVideo(videoId);
    expect(result.status).toBe('completed');
  });

  it('the concurrency cap keeps extra jobs pending until a slot frees', async () => {
    h.emulator.setConcurrencyCap(1);
    try {
      h.emulator.faults.add({ method: 'POST', path: '/v3/videos', fault: { type: 'stuck' } });
      const blocker = await h.client.createAvatarClip({ ...HI, title: 'blocker' }, { idempotencyKey: 'cap-1' });
      const queued = await h.client.createAvatarClip({ ...HI, title: 'queued' }, { idempotencyKey: 'cap-2' });
      // Wait for the event itself (the blocker takes the one slot), not for a guessed amount of time.
      await expect.poll(async () => (await h.client.videos.get(blocker.videoId)).status, { interval: 50, timeout: 60_000 }).toBe('processing');
      expect((await h.client.videos.get(queued.videoId)).status).toBe('pending');
      await h.client.videos.delete(blocker.videoId);
      const result = await h.client.waitForVideo(queued.videoId);
      expect(result.status).toBe('completed');
    } finally {
      h.emulator.setConcurrencyCap(10);
    }
  });
});

describe('downloadVideo', () => {
  let videoId: string;
  let videoUrl: string;
  beforeAll(async () => {
    ({ videoId } = await h.client.createAvatarClip({ ...HI, title: 'download' }, { idempotencyKey: 'dl' }));
    ({ videoUrl } = await h.client.waitForVideo(videoId));
  });

  const fileGets = (): number => h.emulator.stats.requests.filter((r) => r.path === `/files/videos/${videoId}.webm`).length;
  const statusGets = (): number => h.emulator.stats.requests.filter((r) => r.path === `/v3/videos/${videoId}`).length;

  it('an expired URL (403) gets exactly one fresh GET of the video, then the file', async () => {
    h.emulator.faults.add({ path: `/files/videos/${videoId}.webm`, fault: { type: 'expired-url' } });
    const gets = statusGets();
    const file = path.join(h.dir, 'expired.webm');
    const { bytes } = await h.client.downloadVideo(videoId, file, { url: videoUrl });
    expect(bytes).toBe((await stat(file)).size);
    expect(statusGets()).toBe(gets + 1);
  });

  it('URLs whose signature has lapsed are refreshed the same way; a second 403 is not retried again', async () => {
    h.emulator.expireUrls();
    const file = path.join(h.dir, 'lapsed.webm');
    await h.client.downloadVideo(videoId, file, { url: videoUrl });
    expect((await stat(file)).size).toBeGreaterThan(1000);
    h.emulator.faults.add({ path: `/files/videos/${videoId}.webm`, fault: { type: 'expired-url' }, times: 2 });
    const error = await h.client.downloadVideo(videoId, path.join(h.dir, 'never.webm'), { url: videoUrl }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'DownloadError', status: 403 });
  });

  it('a truncated download is never left in place and is retried to the full length', async () => {
    const before = fileGets();
    h.emulator.faults.add({ path: `/files/videos/${videoId}.webm`, fault: { type: 'truncate' } });
    const file = path.join(h.dir, 'cut.webm');
    const { bytes } = await h.client.downloadVideo(videoId, file);
    expect(fileGets()).toBe(before + 2);
    const full = (await stat(path.join(h.emulator.dataDir, 'videos', `${videoId}.webm`))).size;
    expect(bytes).toBe(full);
    expect((await readFile(file)).length).toBe(full);
    expect((await readdir(h.dir)).filter((f) => f.includes('.part-'))).toEqual([]);
  });

  it('a download that stays truncated fails without leaving a file', async () => {
    h.emulator.faults.add({ path: `/files/videos/${videoId}.webm`, fault: { type: 'truncate', bytes: 100 }, times: 10 });
    const file = path.join(h.dir, 'broken.webm');
    const client = h.makeClient({ maxRetries: 1 });
    try {
      await expect(client.downloadVideo(videoId, file)).rejects.toThrow(/broke off|ended at/);
      await expect(stat(file)).rejects.toThrow();
      expect((await readdir(h.dir)).filter((f) => f.includes('.part-'))).toEqual([]);
    } finally {
      h.emulator.faults.clear();
    }
  });

  it('never sends the API key to the file host', async () => {
    await h.client.downloadVideo(videoId, path.join(h.dir, 'nokey.webm'));
    const fileRequests = h.emulator.stats.requests.filter((r) => r.path.startsWith('/files/'));
    expect(fileRequests.length).toBeGreaterThan(3);
    for (const r of fileRequests) {
      expect(r.headers['x-api-key']).toBeUndefined();
      expect(r.headers.authorization).toBeUndefined();
      expect(JSON.stringify(r)).not.toContain(TEST_KEY);
    }
  });

  it('a video that is not completed cannot be downloaded', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v3/videos', fault: { type: 'stuck' } });
    const { videoId: stuck } = await h.client.createAvatarClip({ ...HI, title: 'not-yet' }, { idempotencyKey: 'dl-stuck' });
    await expect(h.client.downloadVideo(stuck, path.join(h.dir, 'x.webm'))).rejects.toMatchObject({ code: 'not_completed' });
    await h.client.videos.delete(stuck);
  });
});
