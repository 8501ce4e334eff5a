import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { APITimeoutError, NotFoundError } from '../../../src/heygen';
import { startHarness, type Harness } from '../harness';

let h: Harness;
let png: Buffer;
beforeAll(async () => {
  h = await startHarness();
  const canvas = createCanvas(32, 32);
  canvas.getContext('2d').fillRect(4, 4, 24, 24);
  png = canvas.toBuffer('image/png');
});
afterAll(() => h.close());

const keysOf = (method: string, path: string | RegExp): string[] =>
  h.emulator.stats.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))).map((r) => r.headers['idempotency-key'] ?? '');
const COMPLETE = /^\/v3\/assets\/[0-9a-f]+\/complete$/;

describe('upload idempotency keys: one per upload, never from the bytes', () => {
  it('the same bytes uploaded again after the asset was deleted make a new, live asset', async () => {
    const first = await h.client.assets.upload({ data: png, filename: 'face.png' });
    await h.client.assets.delete(first.assetId);
    const again = await h.client.assets.upload({ data: png, filename: 'face.png' });
    expect(again.assetId).not.toBe(first.assetId);
    expect((await h.client.assets.get(again.assetId)).id).toBe(again.assetId);
    await expect(h.client.assets.get(first.assetId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a multipart upload whose answer was lost is retried with its own key: one asset', async () => {
    const before = h.emulator.state.assets.size;
    const from = keysOf('POST', '/v3/assets').length;
    h.emulator.faults.add({ method: 'POST', path: '/v3/assets', fault: { type: 'reset-after' } });
    const asset = await h.client.assets.upload({ data: png, filename: 'lost.png' });
    const keys = keysOf('POST', '/v3/assets').slice(from);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(h.emulator.state.assets.size - before).toBe(1);
    expect(h.emulator.state.assets.has(asset.assetId)).toBe(true);
  });

  it('a direct upload whose answer was lost is retried with its own key; the next upload gets another', async () => {
    const client = h.makeClient({ multipartMaxBytes: 16 });
    const from = keysOf('POST', '/v3/assets/direct-uploads').length;
    h.emulator.faults.add({ method: 'POST', path: '/v3/assets/direct-uploads', fault: { type: 'reset-after' } });
    await client.assets.upload({ data: png, filename: 'direct.png' });
    await client.assets.upload({ data: png, filename: 'direct.png' });
    const [a, b, c] = keysOf('POST', '/v3/assets/direct-uploads').slice(from);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});

describe('POST /v3/assets/{id}/complete is idempotent', () => {
  it('is retried after a 5xx and after a dropped connection', async () => {
    const client = h.makeClient({ multipartMaxBytes: 16 });
    const from = keysOf('POST', COMPLETE).length;
    h.emulator.faults.add({ method: 'POST', path: COMPLETE, fault: { type: 'status', status: 503 } });
    h.emulator.faults.add({ method: 'POST', path: COMPLETE, fault: { type: 'reset-after' } });
    const asset = await client.assets.upload({ data: png, filename: 'retry.png' });
    expect(keysOf('POST', COMPLETE).slice(from)).toHaveLength(3);
    expect(h.emulator.state.assets.get(asset.assetId)?.status).toBe('ready');
  });

  it('is retried after a timeout, and a write waits for timeouts.writeMs, not the read timeout', async () => {
    const timesOut = h.makeClient({ multipartMaxBytes: 16, timeouts: { readMs: 5_000, writeMs: 150 } });
    h.emulator.faults.add({ method: 'POST', path: COMPLETE, fault: { type: 'delay', ms: 600 } });
    const from = keysOf('POST', COMPLETE).length;
    await timesOut.assets.upload({ data: png, filename: 'slow.png' });
    expect(keysOf('POST', COMPLETE).slice(from)).toHaveLength(2);

    const patient = h.makeClient({ multipartMaxBytes: 16, timeouts: { readMs: 150, writeMs: 5_000 } as never, maxRetries: 0 });
    h.emulator.faults.add({ method: 'POST', path: COMPLETE, fault: { type: 'delay', ms: 600 } });
    await expect(patient.assets.upload({ data: png, filename: 'slow2.png' })).resolves.toMatchObject({ mimeType: 'image/png' });

    const impatient = h.makeClient({ multipartMaxBytes: 16, timeouts: { writeMs: 150 } as never, maxRetries: 0 });
    h.emulator.faults.add({ method: 'POST', path: COMPLETE, fault: { type: 'delay', ms: 600 } });
    const error = await impatient.assets.upload({ data: png, filename: 'slow3.png' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toContain('timeouts.writeMs');
  });
});
