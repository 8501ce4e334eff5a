import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BadRequestError, JobFailedError, NotFoundError, collect } from '../../../src/heygen';
import { startHarness, type Harness } from '../harness';
import { audioRms, videoSize } from './kinds-fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('Video Agent over HTTP', () => {
  test('a prompt becomes a session that thinks, generates and gives an MP4 with speech over a title card', async () => {
    const styles = await collect(h.client.videoAgents.styles());
    expect(styles.map((s) => s.style_id)).toContain('style_retro_tech');
    const created = await h.client.videoAgents.create({ prompt: 'Sales grew.', style_id: 'style_retro_tech' });
    expect(created.status).toBe('thinking');
    const seen: string[] = [];
    const done = await h.client.videoAgents.wait(created.session_id, { onStatus: (s) => seen.push(s.status) });
    expect(done.status).toBe('completed');
    expect(seen.at(-1)).toBe('completed');
    expect(done.messages?.at(-1)).toMatchObject({ role: 'user', content: 'Sales grew.' });
    const videos = await collect(h.client.videoAgents.videos(created.session_id));
    expect(videos.map((v) => v.id)).toEqual([done.video_id]);
    const file = path.join(h.dir, 'agent.mp4');
    await h.client.downloadVideo(done.video_id, file);
    expect(await videoSize(file)).toMatchObject({ width: 1280, height: 720, audio: true });
    expect((await audioRms(file)).rms).toBeGreaterThan(0.01);
    const subtitles = await h.client.downloadSubtitles(done.video_id);
    expect(subtitles.text).toMatch(/Sales/);
  });

  test('a resumed run finds its own session by the prompt instead of creating another', async () => {
    const since = Math.floor(Date.now() / 1000) - 1;
    const created = await h.client.videoAgents.create({ prompt: 'Find me again.' });
    const before = h.emulator.state.agentSessions.size;
    const found = await h.client.videoAgents.findByPrompt('Find me again.', since);
    expect(found?.session_id).toBe(created.session_id);
    expect(await h.client.videoAgents.findByPrompt('Never sent.', since)).toBeUndefined();
    expect(h.emulator.state.agentSessions.size).toBe(before);
    await h.client.videoAgents.stop(created.session_id);
  });

  test('a failed session is an error naming the session and the reason', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v3/video-agents', fault: { type: 'fail', failureMessage: 'The storyboard could not be made' } });
    const created = await h.client.videoAgents.create({ prompt: 'Doomed.' });
    const error = await h.client.videoAgents.wait(created.session_id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as Error).message).toContain(created.session_id);
    expect((error as Error).message).toContain('The storyboard could not be made');
  });

  test('a stopped session fails and keeps no video; bad fields are refused with their name', async () => {
    h.emulator.faults.add({ method: 'POST', path: '/v3/video-agents', fault: { type: 'stuck' } });
    const created = await h.client.videoAgents.create({ prompt: 'Stop me.' });
    await h.client.videoAgents.stop(created.session_id);
    expect((await h.client.videoAgents.get(created.session_id)).status).toBe('failed');
    expect(await collect(h.client.videoAgents.videos(created.session_id))).toEqual([]);
    const bad = await h.client.videoAgents.create({ prompt: 'x', orientation: 'sideways' as never }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(BadRequestError);
    expect((bad as BadRequestError).param).toBe('orientation');
    expect(await h.client.videoAgents.create({ prompt: 'x', style_id: 'nope' }).catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
  });
});
