import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError } from '../../src/heygen';
import { HI, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timing: { pendingMs: 600_000, processingMinMs: 0 } });
});
afterAll(() => h.close());

const sent = (videoId: string): Record<string, unknown> | undefined => h.emulator.stats.videos.get(videoId)?.request as Record<string, unknown> | undefined;

describe('v3 avatar clip: the voice as HeyGen takes it', () => {
  it('speed, pitch and locale go in voice_settings', async () => {
    const { videoId } = await h.client.createAvatarClip({ ...HI, speed: 1.1, pitch: -4, locale: 'en-GB' }, { idempotencyKey: 'voice-all' });
    expect(sent(videoId)?.voice_settings).toEqual({ speed: 1.1, pitch: -4, locale: 'en-GB' });
  });

  it('only what is set is sent; nothing for recorded audio', async () => {
    const { videoId } = await h.client.createAvatarClip({ ...HI, pitch: 2 }, { idempotencyKey: 'voice-pitch' });
    expect(sent(videoId)?.voice_settings).toEqual({ pitch: 2 });
    const plain = await h.client.createAvatarClip({ ...HI }, { idempotencyKey: 'voice-none' });
    expect(sent(plain.videoId)).not.toHaveProperty('voice_settings');
  });

  it('the emulator refuses what HeyGen refuses: pitch out of range, an unknown setting', async () => {
    const base = { type: 'avatar', avatar_id: HI.avatarId, voice_id: HI.voiceId, script: 'Hi.' } as const;
    await expect(h.client.videos.create({ ...base, voice_settings: { pitch: 51 } })).rejects.toMatchObject({ status: 400, param: 'voice_settings.pitch' });
    await expect(h.client.videos.create({ ...base, voice_settings: { semitones: 3 } as never })).rejects.toBeInstanceOf(BadRequestError);
  });
});
