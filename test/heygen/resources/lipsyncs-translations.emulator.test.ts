import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BadRequestError, JobFailedError } from '../../../src/heygen';
import { startHarness, VOICE, type Harness } from '../harness';
import { audioRms, smallVideo, videoSize } from './kinds-fixtures';

let h: Harness;
let source: string;
beforeAll(async () => {
  h = await startHarness();
  source = await smallVideo(h.client, h.dir);
});
afterAll(() => h.close());

describe('lipsync over HTTP', () => {
  test('a video and new audio (local files as assets) give a video as long as the audio, with captions of its words', async () => {
    const speech = await h.client.voices.speech({ text: 'Brand new words for this clip.', voiceId: VOICE });
    const mp3 = path.join(h.dir, 'speech.mp3');
    await writeFile(mp3, Buffer.from(await (await fetch(speech.audioUrl)).arrayBuffer()));
    const video = await h.client.assets.upload({ file: source });
    const audio = await h.client.assets.upload({ file: mp3 });
    const { lipsync_id } = await h.client.lipsyncs.create({ video: { type: 'asset_id', asset_id: video.assetId }, audio: { type: 'asset_id', asset_id: audio.assetId }, enable_caption: true });
    await h.client.lipsyncs.wait(lipsync_id);
    const out = path.join(h.dir, 'lipsync.mp4');
    await h.client.lipsyncs.download(lipsync_id, out, { captionsFile: path.join(h.dir, 'lipsync.srt') });
    const size = await videoSize(out);
    expect(size).toMatchObject({ width: 256, height: 144, audio: true });
    expect(Math.abs(size.seconds - speech.durationSec)).toBeLessThan(0.2);
    expect(await readFile(path.join(h.dir, 'lipsync.srt'), 'utf8')).toContain('Brand new words');
  });

  test('a failed lipsync is an error with HeyGen\'s message; audio that is not audio is refused', async () => {
    const video = await h.client.assets.upload({ file: source });
    h.emulator.faults.add({ method: 'POST', path: '/v3/lipsyncs', fault: { type: 'fail', failureMessage: 'No face found in the video' } });
    const { lipsync_id } = await h.client.lipsyncs.create({ video: { type: 'asset_id', asset_id: video.assetId }, audio: { type: 'asset_id', asset_id: video.assetId } }).catch((e: unknown) => ({ lipsync_id: String(e) }));
    expect(lipsync_id).toContain('BadRequestError');
    const speech = await h.client.voices.speech({ text: 'Hi.', voiceId: VOICE });
    const { lipsync_id: id } = await h.client.lipsyncs.create({ video: { type: 'asset_id', asset_id: video.assetId }, audio: { type: 'url', url: (await h.client.assets.upload({ data: Buffer.from(await (await fetch(speech.audioUrl)).arrayBuffer()), filename: 'hi.mp3' })).url } });
    const error = await h.client.lipsyncs.wait(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as Error).message).toContain('No face found in the video');
  });
});

describe('video translation over HTTP', () => {
  test('two languages, one id each; one failing leaves the other, whose video speaks and has captions', async () => {
    const video = await h.client.assets.upload({ file: source });
    h.emulator.faults.add({ method: 'POST', path: '/v3/video-translations', fault: { type: 'fail', failureMessage: 'Voice cloning failed for German' } });
    const ids = await h.client.videoTranslations.create({ video: { type: 'asset_id', asset_id: video.assetId }, output_languages: ['German (Germany)', 'Spanish (Spain)'], enable_caption: true });
    expect(ids).toHaveLength(2);
    const german = await h.client.videoTranslations.wait(ids[0] ?? '').catch((e: unknown) => e);
    expect((german as Error).message).toContain('Voice cloning failed for German');
    const spanish = await h.client.videoTranslations.wait(ids[1] ?? '');
    expect(spanish.output_language).toBe('Spanish (Spain)');
    const out = path.join(h.dir, 'es.mp4');
    await h.client.videoTranslations.download(spanish.id, out, { captionsFile: path.join(h.dir, 'es.srt') });
    expect((await audioRms(out)).rms).toBeGreaterThan(0.01);
    // the source is the emulator's own video: its words are known and spoken again
    expect(await readFile(path.join(h.dir, 'es.srt'), 'utf8')).toContain('Nimbus');
  });

  test('proofread: the SRT is downloaded for review, the edit uploaded, and the video speaks the edit', async () => {
    const video = await h.client.assets.upload({ file: source });
    const [pr] = await h.client.videoTranslations.proofreads.create({ video: { type: 'asset_id', asset_id: video.assetId }, output_languages: ['French (France)'], title: 'review me' });
    await h.client.videoTranslations.proofreads.wait(pr ?? '');
    const review = path.join(h.dir, 'review.srt');
    await h.client.videoTranslations.proofreads.downloadSrt(pr ?? '', review);
    const edited = (await readFile(review, 'utf8')).replace(/Nimbus/g, 'Nuage');
    const srt = await h.client.assets.upload({ data: Buffer.from(edited), filename: 'edited.srt' });
    await h.client.videoTranslations.proofreads.uploadSrt(pr ?? '', { type: 'asset_id', asset_id: srt.assetId });
    const id = await h.client.videoTranslations.proofreads.generate(pr ?? '', { captions: true });
    await h.client.videoTranslations.wait(id);
    const captions = path.join(h.dir, 'fr.srt');
    await h.client.videoTranslations.download(id, path.join(h.dir, 'fr.mp4'), { captionsFile: captions });
    expect(await readFile(captions, 'utf8')).toContain('Nuage');
    const bad = await h.client.videoTranslations.create({ video: { type: 'asset_id', asset_id: video.assetId }, output_languages: ['Klingon'] }).catch((e: unknown) => e);
    expect((bad as BadRequestError).param).toBe('output_languages[0]');
  });
});
