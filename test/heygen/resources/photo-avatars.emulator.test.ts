import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConsentRequiredError, JobFailedError } from '../../../src/heygen';
import { startHarness, VOICE, type Harness } from '../harness';
import { writePng } from './kinds-fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function upload(name: string, size = 256): Promise<{ type: 'asset_id'; asset_id: string }> {
  const a = await h.client.assets.upload({ file: await writePng(path.join(h.dir, name), size) });
  return { type: 'asset_id', asset_id: a.assetId };
}

describe('photo avatars over HTTP', () => {
  test('a photo becomes a look that trains, completes and makes clips that animate the photo', async () => {
    const { look } = await h.client.avatars.createPhoto({ name: 'Dana', file: await upload('dana.png') });
    expect(look).toMatchObject({ avatar_type: 'photo_avatar', status: 'processing' });
    const done = await h.client.avatars.waitForLook(look.id);
    expect(done.status).toBe('completed');
    const { videoId } = await h.client.createAvatarClip({ avatarId: look.id, voiceId: VOICE, script: 'Hi.', resolution: '720p', aspectRatio: '16:9' }, { idempotencyKey: 'photo-look-clip' });
    await h.client.waitForVideo(videoId);
    expect(h.emulator.state.videos.get(videoId)?.scenes[0]?.clip.photo).toBeDefined();
  });

  test('a refused photo fails with HeyGen\'s reason; a tiny one too', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v3/avatars', fault: { type: 'fail' } });
    const { look } = await h.client.avatars.createPhoto({ name: 'Refused', file: await upload('refused.png') });
    const error = await h.client.avatars.waitForLook(look.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as JobFailedError).code).toBe('photo_rejected');
    const tiny = await h.client.avatars.createPhoto({ name: 'Tiny', file: await upload('tiny.png', 64) });
    expect(((await h.client.avatars.waitForLook(tiny.look.id).catch((e: unknown) => e)) as Error).message).toContain('at least 128x128');
  });

  test('pending consent: the consent link is fetched and the user told; after consent the look completes', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v3/avatars', fault: { type: 'pending-consent' } });
    const { look } = await h.client.avatars.createPhoto({ name: 'Consent', file: await upload('consent.png') });
    const error = await h.client.avatars.waitForLook(look.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsentRequiredError);
    const url = (error as ConsentRequiredError).consentUrl ?? '';
    expect((error as Error).message).toContain(url);
    expect((await fetch(url)).status).toBe(200);
    expect((await h.client.avatars.waitForLook(look.id)).status).toBe('completed');
  });
});
