import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError, collect } from '../../src/heygen';
import { startHarness, VOICE, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timing: { pendingMs: 600_000, processingMinMs: 0 } });
});
afterAll(() => h.close());

const pages = (path: string): string[] => h.emulator.stats.requests.filter((r) => r.method === 'GET' && r.path === path).map((r) => r.query);

describe('catalogues walk every page', () => {
  it('looks: 26 over two pages at the default limit, each usable as avatar_id', async () => {
    const before = pages('/v3/avatars/looks').length;
    const looks = await collect(h.client.avatars.looks());
    expect(looks).toHaveLength(26);
    expect(new Set(looks.map((l) => l.id)).size).toBe(26);
    expect(pages('/v3/avatars/looks').length - before).toBe(2);
    expect(pages('/v3/avatars/looks').at(-1)).toContain('token=');
    expect(looks[0]?.supported_api_engines.length).toBeGreaterThan(0);
    const one = await h.client.avatars.getLook(looks[25]?.id ?? '');
    expect(one.id).toBe(looks[25]?.id);
  });

  it('groups with a small limit: 7 groups over 3 pages; filters by group', async () => {
    const groups = await collect(h.client.avatars.list({ limit: 3 }));
    expect(groups).toHaveLength(7);
    const josh = groups.find((g) => g.name === 'Josh');
    const looks = await collect(h.client.avatars.looks({ group_id: josh?.id }));
    expect(looks.map((l) => l.id)).toContain('josh_lite3_20230714');
    expect(looks.every((l) => l.group_id === josh?.id)).toBe(true);
    expect((await h.client.avatars.get(josh?.id ?? '')).looks_count).toBe(looks.length);
  });

  it('voices: 25 over two pages; engine filter; one voice', async () => {
    const voices = await collect(h.client.voices.list());
    expect(voices).toHaveLength(25);
    const starfish = await collect(h.client.voices.list({ engine: 'starfish' }));
    expect(starfish.length).toBe(24);
    expect((await h.client.voices.get(VOICE)).name).toBe('Sara - Cheerful');
    await expect(h.client.voices.get('nope')).rejects.toMatchObject({ code: 'voice_not_found' });
  });

  it('limit out of range and a forged token are 400 invalid_parameter', async () => {
    const tooBig = await collect(h.client.avatars.looks({ limit: 51 })).catch((e: unknown) => e);
    expect(tooBig).toBeInstanceOf(BadRequestError);
    expect(tooBig).toMatchObject({ param: 'limit', message: 'limit must be between 1 and 50' });
    await expect(collect(h.client.voices.list({ limit: 0 }))).rejects.toMatchObject({ param: 'limit' });
    const forged = await h.client.transport.request({ method: 'GET', path: '/v3/voices', query: { token: 'garbage' }, kind: 'read' }).catch((e: unknown) => e);
    expect(forged).toMatchObject({ status: 400, param: 'token' });
  });

  it('videos list pages and delete', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await h.client.videos.create({ type: 'avatar', avatar_id: 'josh_lite3_20230714', script: `Clip ${i}.`, resolution: '720p' })).video_id);
    const listed = await collect(h.client.videos.list());
    expect(listed.map((v) => v.id).sort()).toEqual([...ids].sort());
    expect(pages('/v3/videos').length).toBe(2);
    expect(await h.client.videos.delete(ids[0] ?? '')).toMatchObject({ id: ids[0], deleted: true });
    await expect(h.client.videos.get(ids[0] ?? '')).rejects.toBeInstanceOf(NotFoundError);
    expect(await collect(h.client.videos.list({ title: 'nothing-matches' }))).toEqual([]);
  });
});

describe('speech and account', () => {
  it('speech gives audio, duration and word timings with the <start>/<end> sentinels removed', async () => {
    const raw = await h.client.transport.request({ method: 'POST', path: '/v3/voices/speech', json: { text: 'Hello big world.', voice_id: VOICE }, kind: 'write' });
    const words = (raw.data as { word_timestamps: { word: string }[] }).word_timestamps.map((w) => w.word);
    expect(words[0]).toBe('<start>');
    expect(words.at(-1)).toBe('<end>');
    const speech = await h.client.voices.speech({ text: 'Hello big world.', voiceId: VOICE, speed: 1.2 });
    expect(speech.words.map((w) => w.word.replace(/[^a-z]/gi, '').toLowerCase())).toEqual(['hello', 'big', 'world']);
    expect(speech.durationSec).toBeGreaterThan(0.3);
    expect(speech.words.at(-1)?.end).toBeLessThanOrEqual(speech.durationSec + 0.01);
    // HeyGen's speech is MP3.
    const res = await fetch(speech.audioUrl);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 3).toString('latin1') === 'ID3' || (bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0)).toBe(true);
  });

  it('speech refuses a voice without the starfish engine', async () => {
    const elevenOnly = (await collect(h.client.voices.list())).find((v) => v.name.includes('ElevenLabs'));
    await expect(h.client.voices.speech({ text: 'Hi.', voiceId: elevenOnly?.voice_id ?? '' })).rejects.toMatchObject({ status: 400, param: 'voice_id' });
  });

  it('users/me has the wallet; balance reads it (v3) or remaining_quota ÷ 60 (legacy)', async () => {
    const me = await h.client.users.me();
    expect(me).toMatchObject({ billing_type: 'wallet', wallet: { currency: 'usd' } });
    expect(await h.client.balance()).toMatchObject({ amount: me.wallet?.remaining_balance, unit: 'usd' });
    const legacy = h.makeClient({ generation: 'legacy' });
    const quota = await legacy.legacy.remainingQuota();
    expect(quota.remainingQuota).toBe(h.emulator.state.quotaCredits * 60);
    expect(quota.credits).toBe(h.emulator.state.quotaCredits);
    expect(await legacy.balance()).toMatchObject({ amount: quota.credits, unit: 'credits' });
  });
});
