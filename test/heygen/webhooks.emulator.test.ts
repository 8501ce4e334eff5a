import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { BadRequestError, EventIdCache, VideoFailedError, WebhookVerificationError, collect, startWebhookReceiver, verifyWebhook, type WebhookReceiver } from '../../src/heygen';
import { startHarness, HI, type Harness } from './harness';

let h: Harness;
const receivers: WebhookReceiver[] = [];
beforeAll(async () => {
  h = await startHarness({ webhookRetryDelaysMs: [50, 100, 200, 400] });
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await h.close();
});

async function receiver(secret: string | string[]): Promise<WebhookReceiver> {
  const r = await startWebhookReceiver({ secret, confirmFailure: (id) => h.client.videoStatus(id) });
  receivers.push(r);
  return r;
}

const sign = (secret: string, body: string): string => createHmac('sha256', secret).update(body).digest('hex');

describe('verifyWebhook', () => {
  const secret = 'whsec_unit';
  const body = JSON.stringify({ event_type: 'avatar_video.success', event_data: { video_id: 'v1', url: 'https://x/v1.webm' } });
  const now = Date.now();
  const v3 = (over: Record<string, string> = {}) => ({ 'heygen-signature': sign(secret, body), 'heygen-timestamp': String(Math.floor(now / 1000)), 'heygen-event-id': 'evt_1', ...over });

  it('accepts a v3 Heygen-Signature within the window and a legacy Signature', () => {
    expect(verifyWebhook({ rawBody: body, headers: v3(), secret, now })).toMatchObject({ scheme: 'heygen-signature', eventType: 'avatar_video.success', eventId: 'evt_1', duplicate: false });
    expect(verifyWebhook({ rawBody: Buffer.from(body), headers: { Signature: sign(secret, body) }, secret })).toMatchObject({ scheme: 'signature', eventData: { video_id: 'v1' } });
  });

  it('rejects a wrong signature, a re-serialised body, a stale timestamp and a missing header', () => {
    expect(() => verifyWebhook({ rawBody: body, headers: v3({ 'heygen-signature': sign('whsec_other', body) }), secret, now })).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook({ rawBody: JSON.stringify(JSON.parse(body), null, 1), headers: v3(), secret, now })).toThrow(/does not match/);
    expect(() => verifyWebhook({ rawBody: body, headers: v3({ 'heygen-timestamp': String(Math.floor(now / 1000) - 600) }), secret, now })).toThrow(/window/);
    expect(() => verifyWebhook({ rawBody: body, headers: {}, secret })).toThrow(/no Heygen-Signature/);
  });

  it('recognises a replay by its signed body, whatever new Heygen-Event-Id and Heygen-Timestamp it carries', () => {
    const seen = new EventIdCache();
    expect(verifyWebhook({ rawBody: body, headers: v3(), secret, now, seen }).duplicate).toBe(false);
    const later = now + 120_000;
    const replay = verifyWebhook({ rawBody: body, headers: v3({ 'heygen-event-id': 'evt_forged_2', 'heygen-timestamp': String(Math.floor(later / 1000)) }), secret, now: later, seen });
    expect(replay).toMatchObject({ duplicate: true, signedTimestamp: false });
  });

  it('accepts a signature over "<timestamp>.<body>", which also signs the time, and refuses that time once changed', () => {
    const ts = String(Math.floor(now / 1000));
    const signed = sign(secret, `${ts}.${body}`);
    expect(verifyWebhook({ rawBody: body, headers: v3({ 'heygen-signature': signed, 'heygen-timestamp': ts }), secret, now })).toMatchObject({ signedTimestamp: true });
    expect(() => verifyWebhook({ rawBody: body, headers: v3({ 'heygen-signature': signed, 'heygen-timestamp': String(Number(ts) + 1) }), secret, now })).toThrow(/does not match/);
  });

  it('flags a redelivered event id as a duplicate', () => {
    const seen = new EventIdCache();
    expect(verifyWebhook({ rawBody: body, headers: v3(), secret, now, seen }).duplicate).toBe(false);
    expect(verifyWebhook({ rawBody: body, headers: v3(), secret, now, seen }).duplicate).toBe(true);
  });
});

describe('webhook endpoints', () => {
  it('create (secret shown once), list, update (events replaced), rotate, delete', async () => {
    const created = await h.client.webhooks.endpoints.create({ url: 'https://hooks.example.com/heygen', events: ['avatar_video.success'] });
    expect(created.secret).toMatch(/^whsec_/);
    expect(created).toMatchObject({ status: 'enabled', events: ['avatar_video.success'] });
    const listed = await collect(h.client.webhooks.endpoints.list());
    expect(listed.find((e) => e.endpoint_id === created.endpoint_id)?.secret).toBeNull();
    const updated = await h.client.webhooks.endpoints.update(created.endpoint_id, { events: ['avatar_video.fail'] });
    expect(updated.events).toEqual(['avatar_video.fail']);
    const rotated = await h.client.webhooks.endpoints.rotateSecret(created.endpoint_id);
    expect(rotated.secret).not.toBe(created.secret);
    await h.client.webhooks.endpoints.delete(created.endpoint_id);
    expect((await collect(h.client.webhooks.endpoints.list())).some((e) => e.endpoint_id === created.endpoint_id)).toBe(false);
    await expect(h.client.webhooks.endpoints.delete(created.endpoint_id)).rejects.toMatchObject({ status: 404 });
  });

  it('lists more than one page, a second identical create is a second endpoint, refuses bad urls and events', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 11; i++) ids.add((await h.client.webhooks.endpoints.create({ url: `https://hooks.example.com/${i}` })).endpoint_id);
    const again = await h.client.webhooks.endpoints.create({ url: 'https://hooks.example.com/0' });
    expect(ids.has(again.endpoint_id)).toBe(false);
    ids.add(again.endpoint_id);
    const all = await collect(h.client.webhooks.endpoints.list());
    expect(all.filter((e) => ids.has(e.endpoint_id))).toHaveLength(12);
    for (const id of ids) await h.client.webhooks.endpoints.delete(id);
    await expect(h.client.webhooks.endpoints.create({ url: 'http://public.example.com/x' })).rejects.toBeInstanceOf(BadRequestError);
    await expect(h.client.webhooks.endpoints.create({ url: 'https://x.example.com', events: ['nope.event'] })).rejects.toMatchObject({ param: 'events' });
    expect((await h.client.webhooks.eventTypes()).map((t) => t.event_type)).toContain('avatar_video.success');
  });
});

describe('the receiver is not an open door', () => {
  it('refuses a body over the limit with 413 before reading it, announced or streamed', async () => {
    const r = await receiver('whsec_big');
    const big = await fetch(r.url, { method: 'POST', body: 'x'.repeat(200_000), headers: { 'content-type': 'application/json' } });
    expect(big.status).toBe(413);
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new Uint8Array(8192).fill(120));
        c.close();
      },
    });
    const streamed = await fetch(r.url, { method: 'POST', body: chunks, duplex: 'half' } as RequestInit).then((res) => res.status, () => 'closed');
    expect([413, 'closed']).toContain(streamed);
    expect(r.rejected).toBe(2);
    expect(r.events).toEqual([]);
  });

  it('a signed "failed" event for a video the API says has not failed is ignored: the clip still completes', async () => {
    const hook = await receiver('whsec_emulator_callback_secret');
    const { videoId } = await h.client.createAvatarClip({ ...HI, title: 'forged-fail', callbackUrl: hook.url }, { idempotencyKey: 'hook-forged-fail' });
    const forged = JSON.stringify({ event_type: 'avatar_video.fail', event_data: { video_id: videoId, msg: 'forged' } });
    const res = await fetch(hook.url, { method: 'POST', body: forged, headers: { 'heygen-signature': sign('whsec_emulator_callback_secret', forged), 'heygen-timestamp': String(Math.floor(Date.now() / 1000)) } });
    expect(res.status).toBe(200);
    const result = await hook.waitFor(videoId);
    expect(result).toMatchObject({ videoId, status: 'completed' });
    while (hook.unconfirmed === 0) await new Promise((r) => setTimeout(r, 20));
    expect(hook.unconfirmed).toBe(1);
  });
});

describe('signed deliveries', () => {
  it('a registered endpoint and the callback_url both get a signed event that gives the same VideoResult as polling', async () => {
    const endpointReceiver = await receiver('placeholder');
    const endpoint = await h.client.webhooks.endpoints.create({ url: endpointReceiver.url, events: ['avatar_video.success', 'avatar_video.fail'] });
    endpointReceiver.setSecret(endpoint.secret ?? '');
    const callbackReceiver = await receiver('whsec_emulator_callback_secret');
    const { videoId } = await h.client.createAvatarClip({ ...HI, callbackUrl: callbackReceiver.url, callbackId: 'scene-7' }, { idempotencyKey: 'hook-ok' });
    const [fromEndpoint, fromCallback, polled] = await Promise.all([endpointReceiver.waitFor(videoId), callbackReceiver.waitFor(videoId), h.client.waitForVideo(videoId)]);
    for (const r of [fromEndpoint, fromCallback]) {
      expect(r).toMatchObject({ videoId, status: 'completed', durationSec: polled.durationSec });
      expect(new URL(r.videoUrl).pathname).toBe(new URL(polled.videoUrl).pathname);
      expect(new URL(r.subtitleUrl ?? '').pathname).toBe(new URL(polled.subtitleUrl ?? '').pathname);
    }
    expect(fromCallback.raw).toMatchObject({ callback_id: 'scene-7' });
    expect(endpointReceiver.events[0]?.scheme).toBe('heygen-signature');
    const bytes = await h.client.downloadVideo(videoId, `${h.dir}/hooked.webm`, { url: fromEndpoint.videoUrl });
    expect(bytes.bytes).toBeGreaterThan(1000);
    const history = await collect(h.client.webhooks.events({ event_type: 'avatar_video.success' }));
    expect(history.some((e) => e.event_data.video_id === videoId)).toBe(true);
    await h.client.webhooks.endpoints.delete(endpoint.endpoint_id);
  });

  it('a non-2xx answer is retried until the receiver accepts it', async () => {
    const flaky = await receiver('whsec_wrong_for_now');
    const endpoint = await h.client.webhooks.endpoints.create({ url: flaky.url });
    const { videoId } = await h.client.createAvatarClip({ ...HI, title: 'retry-hook' }, { idempotencyKey: 'hook-retry' });
    const settled = flaky.waitFor(videoId, { timeoutMs: 30_000 });
    while (flaky.rejected === 0) await new Promise((r) => setTimeout(r, 20));
    flaky.setSecret(endpoint.secret ?? '');
    const result = await settled;
    expect(result.videoId).toBe(videoId);
    const attemptsTo = () => h.emulator.stats.deliveries.filter((d) => d.url === flaky.url);
    // the emulator records an attempt once it has read the answer, just after the receiver settles
    await expect.poll(() => attemptsTo().at(-1)?.status, { interval: 10, timeout: 60_000 }).toBe(200);
    const attempts = attemptsTo();
    expect(attempts[0]?.status).toBe(401);
    expect(attempts.at(-1)?.status).toBe(200);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts.map((a) => a.eventId)).size).toBe(1);
    await h.client.webhooks.endpoints.delete(endpoint.endpoint_id);
  });

  it('a failed render is delivered as avatar_video.fail and turns into VideoFailedError', async () => {
    const hook = await receiver('whsec_emulator_callback_secret');
    h.emulator.faults.add({ method: 'POST', path: '/v3/videos', fault: { type: 'fail', failureCode: 'rendering_failed', failureMessage: 'Avatar rendering timed out' } });
    const { videoId } = await h.client.createAvatarClip({ ...HI, title: 'fail-hook', callbackUrl: hook.url }, { idempotencyKey: 'hook-fail' });
    const error = await hook.waitFor(videoId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VideoFailedError);
    expect(error).toMatchObject({ videoId, failureCode: 'rendering_failed', failureMessage: 'Avatar rendering timed out' });
  });
});
