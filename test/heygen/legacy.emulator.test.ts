import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { APIConnectionError, BadRequestError, ConfigurationError, VideoFailedError, type HeyGenClient } from '../../src/heygen';
import { ffprobe } from '../../src/media/ffmpeg';
import { startHarness, HI, AVATAR, VOICE, type Harness } from './harness';

let h: Harness;
let legacy: HeyGenClient;
beforeAll(async () => {
  h = await startHarness();
  legacy = h.makeClient({ generation: 'legacy' });
});
afterAll(() => h.close());

describe('legacy generation', () => {
  it('a transparent clip goes through /v1/video.webm and /v1/video_status.get and downloads as VP9 WebM', async () => {
    const { videoId } = await legacy.createAvatarClip({ ...HI, aspectRatio: '9:16' }, { idempotencyKey: 'legacy-webm' });
    expect(h.emulator.stats.videos.get(videoId)?.request).toMatchObject({ avatar_pose_id: AVATAR, avatar_style: 'normal', input_text: 'Hi.', voice_id: VOICE, dimension: { width: 720, height: 1280 } });
    const seen: string[] = [];
    const result = await legacy.waitForVideo(videoId, { onStatus: (s) => seen.push(s.status) });
    expect(result.videoUrl).toContain('.webm');
    expect(h.emulator.stats.requests.some((r) => r.path === '/v1/video_status.get')).toBe(true);
    expect(h.emulator.stats.requests.some((r) => r.path.startsWith('/v3/videos/'))).toBe(false);
    const file = path.join(h.dir, 'legacy.webm');
    await legacy.downloadVideo(videoId, file);
    const v = (await ffprobe(file)).streams.find((s) => s.codec_type === 'video');
    expect([v?.codec_name, v?.width, v?.height]).toEqual(['vp9', 720, 1280]);
    const status = await legacy.legacy.videoStatus(videoId);
    expect(status).toMatchObject({ id: videoId, status: 'completed', error: null, caption_url: null, callback_id: null, thumbnail_url: null });
  });

  it('a lost create answer on /v1/video.webm is not re-sent blind (HeyGen honours no Idempotency-Key there): one video', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v1/video.webm', fault: { type: 'reset-after' } });
    const before = h.emulator.stats.creates;
    const sent = h.emulator.stats.requests.length;
    await expect(legacy.createAvatarClip({ ...HI, title: 'lost' }, { idempotencyKey: 'legacy-lost' })).rejects.toBeInstanceOf(APIConnectionError);
    expect(h.emulator.stats.creates).toBe(before + 1);
    const creates = h.emulator.stats.requests.slice(sent).filter((r) => r.path === '/v1/video.webm');
    expect(creates).toHaveLength(1);
    expect(creates[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('a photo clip is refused locally: /v1/video.webm takes studio avatars only', async () => {
    await expect(legacy.createAvatarClip({ photoAssetId: 'abc', script: 'Hi.', voiceId: VOICE, resolution: '720p', aspectRatio: '16:9' }, { idempotencyKey: 'x' })).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('/v2/video/generate: avatar text, talking photo and silence scenes into one MP4 with captions and a callback id', async () => {
    const canvas = createCanvas(64, 64);
    canvas.getContext('2d').fillRect(0, 0, 32, 32);
    const photo = await legacy.assets.upload({ data: canvas.toBuffer('image/png'), filename: 'tp.png' });
    const { video_id: videoId } = await legacy.legacy.generateVideo({
      video_inputs: [
        { character: { type: 'avatar', avatar_id: AVATAR, avatar_style: 'normal' }, voice: { type: 'text', voice_id: VOICE, input_text: 'Hi.', speed: 1.1 }, background: { type: 'color', value: '#FAFAFA' } },
        { character: { type: 'talking_photo', talking_photo_id: photo.assetId }, voice: { type: 'silence', duration: 1 } },
      ],
      dimension: { width: 1280, height: 720 },
      caption: true,
      title: 'multi',
      callback_id: 'cb-1',
      callback_url: 'https://hooks.example.com/never-called',
    });
    const result = await legacy.waitForVideo(videoId);
    expect(result.videoUrl).toContain('.mp4');
    expect(result.subtitleUrl).toBeTruthy();
    const file = path.join(h.dir, 'multi.mp4');
    await legacy.downloadVideo(videoId, file);
    const probe = await ffprobe(file);
    const v = probe.streams.find((s) => s.codec_type === 'video');
    expect([v?.codec_name, v?.width, v?.height]).toEqual(['h264', 1280, 720]);
    expect(probe.streams.some((s) => s.codec_type === 'audio' && s.codec_name === 'aac')).toBe(true);
    expect(Number(probe.format.duration)).toBeGreaterThan(1.2);
    expect((await legacy.legacy.videoStatus(videoId)).callback_id).toBe('cb-1');
    const srt = path.join(h.dir, 'multi.srt');
    await legacy.downloadSubtitles(videoId, srt);
    expect(await readFile(srt, 'utf8')).toContain('-->');
  });

  it('validates like HeyGen: style, dimension, voice sources, callback_id without callback_url', async () => {
    const base = { character: { type: 'avatar' as const, avatar_id: AVATAR }, voice: { type: 'text' as const, voice_id: VOICE, input_text: 'Hi.' } };
    // the v2 envelope carries only {code, message}: the message names the field
    const refused = (p: Promise<unknown>, message: RegExp) => expect(p).rejects.toThrow(message);
    await refused(legacy.legacy.createWebm({ avatar_pose_id: AVATAR, avatar_style: 'circle' as never, input_text: 'Hi.', voice_id: VOICE }), /avatar_style must be normal or closeUp/);
    await refused(legacy.legacy.generateVideo({ video_inputs: [base], dimension: { width: 641, height: 360 } }), /dimension.width must be an even integer/);
    await expect(legacy.legacy.generateVideo({ video_inputs: [{ ...base, voice: { type: 'audio' } }] })).rejects.toBeInstanceOf(BadRequestError);
    await refused(legacy.legacy.generateVideo({ video_inputs: [base], callback_id: 'x' }), /callback_id requires callback_url/);
    await refused(legacy.legacy.generateVideo({ video_inputs: [{ ...base, background: { type: 'color', value: 'red' } }] }), /background.value must be a hex color/);
    await refused(legacy.legacy.generateVideo({ video_inputs: [] }), /video_inputs must have 1 to 50 items/);
    expect(h.emulator.stats.requests.filter((r) => r.path === '/v2/video/generate').every((r) => r.headers['idempotency-key'])).toBe(true);
    const notFound = await legacy.legacy.createWebm({ avatar_pose_id: 'nobody', input_text: 'Hi.', voice_id: VOICE }).catch((e: unknown) => e);
    expect(notFound).toMatchObject({ status: 404, code: 'avatar_not_found' });
  });

  it('a failed render reports the v1 error object as VideoFailedError', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v1/video.webm', fault: { type: 'fail', failureCode: 'rendering_failed', failureMessage: 'Video is too long' } });
    const { videoId } = await legacy.createAvatarClip({ ...HI, title: 'fails' }, { idempotencyKey: 'legacy-fail' });
    const error = await legacy.waitForVideo(videoId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VideoFailedError);
    expect(error).toMatchObject({ failureCode: '40119', failureMessage: 'Video is too long' });
  });

  it('/v2/avatars, /v2/voices', async () => {
    const avatars = await legacy.legacy.avatars();
    expect(avatars.avatars.map((a) => a.avatar_id)).toContain(AVATAR);
    expect(avatars.talking_photos.length).toBeGreaterThan(0);
    const voices = await legacy.legacy.voices();
    expect(voices).toHaveLength(25);
    expect(voices[0]).toMatchObject({ voice_id: VOICE, support_pause: true });
  });
});
