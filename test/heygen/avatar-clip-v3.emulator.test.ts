import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHeyGenClient, type HeyGenClient } from '../../src/heygen';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { ffprobe } from '../../src/media/ffmpeg';

let emulator: Emulator;
let client: HeyGenClient;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator({ timing: { pendingMs: 50, processingMinMs: 100 } });
  client = createHeyGenClient({ apiKey: 'test-key-123456', baseUrl: emulator.url });
  dir = await mkdtemp(path.join(os.tmpdir(), 'hg-clip-'));
});

afterAll(async () => {
  await client.close();
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

describe('v3 transparent avatar clip over real HTTP', () => {
  it('takes every documented field of the avatar arm and honours voice_settings.speed and 4:5', async () => {
    const body = {
      type: 'avatar' as const,
      avatar_id: 'Angela-inblackskirt-20220820',
      script: 'Hi there.',
      voice_id: '1bd001e7e50f421d891986aad5158bc8',
      title: 'every field',
      resolution: '720p' as const,
      aspect_ratio: '4:5' as const,
      fit: 'cover' as const,
      remove_background: true,
      output_format: 'webm' as const,
      caption: { file_format: 'srt' as const, style: null },
      motion_prompt: 'nods',
      expressiveness: 'low' as const,
      engine: { type: 'avatar_iv' as const },
      voice_settings: { speed: 1.3, pitch: 2, volume: 0.9, locale: 'en-US', engine_settings: { engine_type: 'starfish' as const } },
      callback_url: 'https://hooks.example.com/cb',
      callback_id: 'cb-every',
    };
    const created = await client.videos.create(body, { idempotencyKey: 'every-field' });
    expect(created).toMatchObject({ status: 'waiting', output_format: 'webm' });
    const job = emulator.stats.videos.get(created.video_id);
    expect([job?.width, job?.height]).toEqual([720, 900]);
    expect(job?.scenes[0]?.clip.speech).toMatchObject({ text: 'Hi there.', speed: 1.3 });
    expect(job?.request).toEqual(body);
    await client.videos.delete(created.video_id);
  });


  it('creates, polls to completed and downloads a WebM with the requested size', async () => {
    const statuses: string[] = [];
    const { videoId } = await client.createAvatarClip(
      { avatarId: 'josh_lite3_20230714', voiceId: '1bd001e7e50f421d891986aad5158bc8', script: 'Hi.', resolution: '720p', aspectRatio: '16:9' },
      { idempotencyKey: 'clip-1' },
    );
    const result = await client.waitForVideo(videoId, { onStatus: (s) => statuses.push(s.status) });
    expect(result.status).toBe('completed');
    expect(result.videoUrl).toContain(`/files/videos/${videoId}.webm`);
    expect(result.subtitleUrl).toBeTruthy();
    expect(result.durationSec).toBeGreaterThan(0);
    expect(statuses).toContain('processing');
    expect(statuses.at(-1)).toBe('completed');

    const file = path.join(dir, 'clip.webm');
    const progress: number[] = [];
    const { bytes } = await client.downloadVideo(videoId, file, { onProgress: (b) => progress.push(b) });
    expect(bytes).toBeGreaterThan(1000);
    expect(progress.at(-1)).toBe(bytes);
    const head = await readFile(file);
    expect(head.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    const probe = await ffprobe(file);
    expect(probe.format.format_name).toContain('webm');
    const video = probe.streams.find((s) => s.codec_type === 'video');
    expect(video?.codec_name).toBe('vp9');
    expect([video?.width, video?.height]).toEqual([1280, 720]);

    const srt = path.join(dir, 'clip.srt');
    const sub = await client.downloadSubtitles(videoId, srt);
    expect(await readFile(srt, 'utf8')).toMatch(/00:00:00,\d{3} --> /);
    const inMemory = await client.downloadSubtitles(videoId);
    expect(inMemory.text).toBe(sub.text);
    expect(inMemory.file).toBeUndefined();

    const job = emulator.stats.videos.get(videoId);
    expect(job?.request).toMatchObject({ type: 'avatar', output_format: 'webm', resolution: '720p', aspect_ratio: '16:9' });
    expect(emulator.stats.createsByKey.get('clip-1')).toBe(1);
    const apiCalls = emulator.stats.requests.filter((r) => r.path.startsWith('/v3/'));
    expect(apiCalls.every((r) => r.headers['x-api-key'] === '[redacted]')).toBe(true);
    const fileCalls = emulator.stats.requests.filter((r) => r.path.startsWith('/files/'));
    expect(fileCalls.length).toBeGreaterThan(0);
    expect(fileCalls.some((r) => 'x-api-key' in r.headers || 'authorization' in r.headers)).toBe(false);
  });
});
