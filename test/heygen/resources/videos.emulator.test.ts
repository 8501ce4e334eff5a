import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AVATAR, VOICE, startHarness, type Harness } from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timing: { pendingMs: 600_000, processingMinMs: 0 } });
});
afterAll(() => h.close());

describe('GET /v3/videos/statuses', () => {
  it('follows next_token when HeyGen answers in pages', async () => {
    const { video_id: id } = await h.client.videos.create({ type: 'avatar', avatar_id: AVATAR, voice_id: VOICE, script: 'Hi.' });
    const firstPage = { data: [{ video_id: 'earlier', status: 'completed' }], has_more: true, next_token: 'page-2' };
    h.emulator.faults.add({ method: 'GET', path: '/v3/videos/statuses', fault: { type: 'body', body: firstPage } });
    const from = h.emulator.stats.requests.length;
    const entries = await h.client.videos.statuses([id, 'missing']);
    expect(entries.map((e) => [e.video_id, e.status])).toEqual([['earlier', 'completed'], [id, 'queued'], ['missing', 'not_found']]);
    const pages = h.emulator.stats.requests.slice(from).filter((r) => r.path === '/v3/videos/statuses');
    expect(pages.map((r) => new URLSearchParams(r.query).get('token'))).toEqual([null, 'page-2']);
  });
});
