import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { request } from 'undici';
import { BadRequestError, PayloadTooLargeError } from '../../src/heygen';
import { ffprobe } from '../../src/media/ffmpeg';
import { startHarness, TEST_KEY, VOICE, type Harness } from './harness';

let h: Harness;
let png: Buffer;
beforeAll(async () => {
  h = await startHarness();
  const canvas = createCanvas(64, 64);
  const g = canvas.getContext('2d');
  g.fillStyle = '#c84';
  g.fillRect(8, 8, 48, 48);
  png = canvas.toBuffer('image/png');
});
afterAll(() => h.close());

const requests = (method: string, prefix: string) => h.emulator.stats.requests.filter((r) => r.method === method && r.path.startsWith(prefix));

describe('v3 assets', () => {
  it('uploads a file as multipart with the single field "file" and gets id, url, detected type and size', async () => {
    const file = path.join(h.dir, 'face.png');
    await writeFile(file, png);
    const asset = await h.client.assets.upload({ file });
    expect(asset).toMatchObject({ mimeType: 'image/png', sizeBytes: png.length });
    expect(asset.assetId).toMatch(/^[0-9a-f]{32}$/);
    expect(requests('POST', '/v3/assets').at(-1)?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const res = await fetch(asset.url);
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    const info = await h.client.assets.get(asset.assetId);
    expect(info).toMatchObject({ id: asset.assetId, type: 'image' });
  });

  it('rejects a file HeyGen does not take', async () => {
    await expect(h.client.assets.upload({ data: Buffer.from('just text'), filename: 'notes.txt' })).rejects.toBeInstanceOf(BadRequestError);
  });

  it('over 32 MB multipart is a 413 payload_too_large', async () => {
    const big = Buffer.alloc(33 * 1024 * 1024, 1);
    png.copy(big);
    const client = h.makeClient({ multipartMaxBytes: 64 * 1024 * 1024 });
    const error = await client.assets.upload({ data: big, filename: 'big.png' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect(error).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('above the multipart cap uses the three-step direct upload: the PUT carries exactly the signed headers, complete is retried on 409', async () => {
    const client = h.makeClient({ multipartMaxBytes: 1024 });
    const data = Buffer.concat([png, Buffer.alloc(4096, 7)]);
    h.emulator.faults.add({ method: 'POST', path: /^\/v3\/assets\/[0-9a-f]+\/complete$/, fault: { type: 'status', status: 409, code: 'conflict', message: 'Uploaded object not found yet' } });
    const asset = await client.assets.upload({ data, filename: 'large.png' });
    expect(asset).toMatchObject({ mimeType: 'image/png', sizeBytes: data.length });
    const put = requests('PUT', '/__s3/uploads/').at(-1);
    expect(put).toBeDefined();
    expect(Object.keys(put?.headers ?? {}).sort()).toEqual(['connection', 'content-length', 'content-type', 'host', 'x-amz-meta-asset-id']);
    expect(JSON.stringify(put)).not.toContain(TEST_KEY);
    expect(requests('POST', `/v3/assets/${asset.assetId}/complete`)).toHaveLength(2);
    const res = await fetch(asset.url);
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
  });

  it('the signed PUT refuses an API key, an unsigned header and a wrong size', async () => {
    const created = await h.client.transport.request({ method: 'POST', path: '/v3/assets/direct-uploads', json: { filename: 'x.png', content_type: 'image/png', size_bytes: png.length }, kind: 'write' });
    const { upload_url: url, upload_headers: signed, asset_id: id } = created.data as { upload_url: string; upload_headers: Record<string, string>; asset_id: string };
    // undici's request adds no headers of its own, like the client's exact-header PUT
    const put = async (headers: Record<string, string>, body: Buffer): Promise<number> => {
      const res = await request(url, { method: 'PUT', headers, body });
      await res.body.dump();
      return res.statusCode;
    };
    expect(await put({ ...signed, 'x-api-key': TEST_KEY }, png)).toBe(400);
    expect(await put({ ...signed, 'x-extra': '1' }, png)).toBe(403);
    expect(await put({ ...signed, 'Content-Type': 'image/jpeg' }, png)).toBe(403);
    expect(await put(signed, png.subarray(1))).toBe(400);
    expect(h.emulator.state.assets.get(id)?.status).toBe('pending_upload');
    const early = await h.client.transport.request({ method: 'POST', path: `/v3/assets/${id}/complete`, json: {}, kind: 'write', maxRetries: 0 }).catch((e: unknown) => e);
    expect(early).toMatchObject({ status: 409, message: 'Uploaded object not found yet' });
  });

  it('an uploaded photo animates a type:"image" clip at the requested size', async () => {
    const photo = await h.client.assets.upload({ data: png, filename: 'portrait.png' });
    const { videoId } = await h.client.createAvatarClip({ photoAssetId: photo.assetId, voiceId: VOICE, script: 'Hi.', resolution: '720p', aspectRatio: '9:16' }, { idempotencyKey: 'photo-clip' });
    const job = h.emulator.stats.videos.get(videoId);
    expect(job?.request).toMatchObject({ type: 'image', image: { type: 'asset_id', asset_id: photo.assetId } });
    expect(job?.scenes[0]?.clip.photo?.equals(png)).toBe(true);
    await h.client.waitForVideo(videoId);
    const file = path.join(h.dir, 'photo.webm');
    await h.client.downloadVideo(videoId, file);
    const video = (await ffprobe(file)).streams.find((s) => s.codec_type === 'video');
    expect([video?.width, video?.height]).toEqual([720, 1280]);
  });

  it('speech audio uploaded as an asset is the soundtrack of an audio_asset_id clip', async () => {
    const speech = await h.client.voices.speech({ text: 'Hello there.', voiceId: VOICE });
    const mp3 = Buffer.from(await (await fetch(speech.audioUrl)).arrayBuffer());
    const audio = await h.client.assets.upload({ data: mp3, filename: 'line.mp3' });
    expect(audio.mimeType).toBe('audio/mpeg');
    const { videoId } = await h.client.createAvatarClip({ avatarId: 'Vanessa-invest-20220722', audioAssetId: audio.assetId, resolution: '720p', aspectRatio: '1:1' }, { idempotencyKey: 'audio-clip' });
    const result = await h.client.waitForVideo(videoId);
    expect(result.durationSec).toBeGreaterThanOrEqual(speech.durationSec - 0.05);
    expect(result.durationSec).toBeLessThanOrEqual(speech.durationSec + 0.1);
    expect(h.emulator.stats.videos.get(videoId)?.scenes[0]?.clip.speech).toHaveProperty('audio');
  });
});

describe('legacy uploads', () => {
  it('raw bytes to the upload host /v1/asset (v1 envelope, id and image_key)', async () => {
    const legacy = h.makeClient({ generation: 'legacy', uploadBaseUrl: h.emulator.url });
    const asset = await legacy.assets.upload({ data: png, filename: 'raw.png' });
    expect(asset).toMatchObject({ mimeType: 'image/png', sizeBytes: png.length });
    const req = requests('POST', '/v1/asset').at(-1);
    expect(req?.headers['content-type']).toBe('image/png');
    expect(h.emulator.state.assets.get(asset.assetId)?.status).toBe('ready');
    const body = await (await fetch(`${h.emulator.url}/v1/asset`, { method: 'POST', headers: { 'x-api-key': 'k', 'content-type': 'image/png' }, body: png })).json();
    expect(body).toMatchObject({ code: 100, message: 'Success', data: { file_type: 'image', folder_id: '', image_key: expect.stringMatching(/^image\//) } });
  });

  it("the seed's two-step presigned upload: POST {content_type} then PUT", async () => {
    const asset = await h.client.assets.uploadPresigned({ data: png, filename: 'seed.png' });
    expect(asset.sizeBytes).toBe(png.length);
    expect(h.emulator.state.assets.get(asset.assetId)?.status).toBe('ready');
    expect(Buffer.from(await (await fetch(asset.url)).arrayBuffer()).equals(png)).toBe(true);
    const put = requests('PUT', `/files/assets/${asset.assetId}/`).at(-1);
    expect(put?.headers['x-api-key']).toBeUndefined();
  });

  it('an empty raw upload is refused', async () => {
    const res = await fetch(`${h.emulator.url}/v1/asset`, { method: 'POST', headers: { 'x-api-key': 'k', 'content-type': 'image/png' }, body: Buffer.alloc(0) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: 'asset data must be provided' });
  });
});

describe('file reads', () => {
  it('the synthesized speech file is an MP3, as HeyGen serves it', async () => {
    const speech = await h.client.voices.speech({ text: 'Hi.', voiceId: VOICE });
    const out = path.join(h.dir, 'speech.mp3');
    await writeFile(out, Buffer.from(await (await fetch(speech.audioUrl)).arrayBuffer()));
    const probe = await ffprobe(out);
    expect(probe.streams[0]?.codec_name).toBe('mp3');
    // MP3 rounds up to whole frames (1152 samples) and adds the encoder's delay.
    expect(Math.abs(Number(probe.format.duration) - speech.durationSec)).toBeLessThan(0.1);
  });
});
