import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../../../src/heygen';
import { startHarness, type Harness } from '../harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const URL = 'https://hooks.example.com/contract';
const createKeys = (): string[] => h.emulator.stats.requests.filter((r) => r.method === 'POST' && r.path === '/v3/webhooks/endpoints').map((r) => r.headers['idempotency-key'] ?? '');

describe('POST /v3/webhooks/endpoints: one key per create, never from the body', () => {
  it('re-creating an endpoint that was deleted gives a new, live one', async () => {
    const first = await h.client.webhooks.endpoints.create({ url: URL, events: ['avatar_video.success'] });
    await h.client.webhooks.endpoints.delete(first.endpoint_id);
    const again = await h.client.webhooks.endpoints.create({ url: URL, events: ['avatar_video.success'] });
    expect(again.endpoint_id).not.toBe(first.endpoint_id);
    expect(again.secret).toMatch(/^whsec_/);
    const listed = await collect(h.client.webhooks.endpoints.list());
    expect(listed.map((e) => e.endpoint_id)).toEqual([again.endpoint_id]);
    await h.client.webhooks.endpoints.delete(again.endpoint_id);
  });

  it('a create whose answer was lost is retried with the same key and makes one endpoint', async () => {
    const from = createKeys().length;
    h.emulator.faults.add({ method: 'POST', path: '/v3/webhooks/endpoints', fault: { type: 'reset-after' } });
    const created = await h.client.webhooks.endpoints.create({ url: URL });
    const keys = createKeys().slice(from);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect([...h.emulator.state.endpoints.keys()]).toEqual([created.endpoint_id]);
  });
});

describe('GET /v3/webhooks/event-types is a list like any other', () => {
  it('every page is read, following next_token', async () => {
    const from = h.emulator.stats.requests.length;
    const types = await h.client.webhooks.eventTypes();
    expect(types).toHaveLength(30);
    expect(new Set(types.map((t) => t.event_type)).size).toBe(30);
    const pages = h.emulator.stats.requests.slice(from).filter((r) => r.path === '/v3/webhooks/event-types');
    expect(pages.map((r) => r.query.includes('token='))).toEqual([false, true]);
  });
});
