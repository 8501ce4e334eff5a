import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyServer, type ServerIdentity } from '../../../src/heygen';
import { hashFile } from '../../../src/project/project-files';
import { contentHash } from '../../../src/spec/content-hash';
import { translateVideo, type TranslateMode } from '../../../src/jobs/translate/translate-video';
import { startHarness, type Harness } from '../../heygen/harness';
import { smallVideo } from '../../heygen/resources/kinds-fixtures';

let h: Harness;
let identity: ServerIdentity;
let source: string;
beforeAll(async () => {
  h = await startHarness();
  identity = await identifyServer(h.client);
  source = await smallVideo(h.client, h.dir, 'Nimbus');
});
afterAll(() => h.close());

/** A project folder of its own with the finished video in out/. */
async function project(): Promise<{ root: string; video: string }> {
  const root = await mkdtemp(path.join(h.dir, 'project-'));
  await mkdir(path.join(root, 'out'));
  const video = path.join(root, 'out', 'example.mp4');
  await copyFile(source, video);
  return { root, video };
}

const lines: string[] = [];
const translate = (root: string, video: string, languages: string[], mode: TranslateMode = 'direct') => translateVideo({ client: h.client, identity, root, video, languages, mode, log: (l) => lines.push(l) });

describe('translateVideo on the shared scheduler', () => {
  it('an old-format journal\'s paid translation is resumed on upgrade, not created again', async () => {
    const { root, video } = await project();
    // what the earlier `npm run translate` left after a kill: the create sent and journaled by base URL
    const asset = await h.client.assets.upload({ file: video });
    const [paid] = await h.client.videoTranslations.create({ video: { type: 'asset_id', asset_id: asset.assetId }, output_languages: ['Spanish (Spain)'], enable_caption: true });
    const oldKey = contentHash({ video: await hashFile(video), srt: null, proofread: false });
    const old = { version: 1, scopes: { [h.client.config.baseUrl]: { [oldKey]: { assetId: asset.assetId, languages: { 'Spanish (Spain)': { idempotencyKey: 'tr-old', submittedAt: '2026-12-01T00:00:00Z', translationId: paid } } } } } };
    await mkdir(path.join(root, '.heygen'));
    await writeFile(path.join(root, '.heygen', 'translate-journal.json'), JSON.stringify(old));
    const creates = h.emulator.state.translations.size;

    const [es] = await translate(root, video, ['Spanish (Spain)']);
    expect(es).toMatchObject({ status: 'written', file: path.join(root, 'out', 'example.spanish-spain.mp4') });
    expect(h.emulator.state.translations.size).toBe(creates);
    const again = await translate(root, video, ['Spanish (Spain)']);
    expect(again[0]?.status).toBe('cached');
    expect(h.emulator.state.translations.size).toBe(creates);
  });

  it('an old-format journal\'s create sent but never answered is sent again under its old key: HeyGen replays it, nothing paid twice', async () => {
    const { root, video } = await project();
    const asset = await h.client.assets.upload({ file: video });
    // the earlier version journaled the key, sent the create, and was killed before the answer came back
    await h.client.videoTranslations.create({ video: { type: 'asset_id', asset_id: asset.assetId }, output_languages: ['German (Germany)'], enable_caption: true }, { idempotencyKey: 'tr-unanswered' });
    const oldKey = contentHash({ video: await hashFile(video), srt: null, proofread: false });
    const old = { version: 1, scopes: { [h.client.config.baseUrl]: { [oldKey]: { assetId: asset.assetId, languages: { 'German (Germany)': { idempotencyKey: 'tr-unanswered', submittedAt: '2026-12-01T00:00:00Z' } } } } } };
    await mkdir(path.join(root, '.heygen'));
    await writeFile(path.join(root, '.heygen', 'translate-journal.json'), JSON.stringify(old));
    const creates = h.emulator.state.translations.size;

    const [de] = await translate(root, video, ['German (Germany)']);
    expect(de).toMatchObject({ status: 'written' });
    expect(h.emulator.state.translations.size).toBe(creates);
  });

  it('a journaled translation HeyGen no longer has (404) is made again, not waited for forever', async () => {
    const { root, video } = await project();
    const key = contentHash({ kind: 'video-translation', backend: identity.backend, video: await hashFile(video), srt: null, language: 'Italian (Italy)' });
    const journal = { version: 1, scopes: { [identity.scope]: { [key]: { idempotencyKey: `video-translation-${key}`, kind: 'video-translation', videoId: 'vt_gone_from_heygen', submittedAt: '2026-12-01T00:00:00Z', attempts: 1 } } } };
    await mkdir(path.join(root, '.heygen'));
    await writeFile(path.join(root, '.heygen', 'translate-jobs.json'), JSON.stringify(journal));
    const creates = h.emulator.state.translations.size;

    const [italian] = await translate(root, video, ['Italian (Italy)']);
    expect(italian).toMatchObject({ status: 'written' });
    expect(h.emulator.state.translations.size).toBe(creates + 1);
    expect(h.emulator.state.requests.some((r) => r.path === '/v3/video-translations/vt_gone_from_heygen')).toBe(true);
  });

  it('--proofread stops with the SRT to review; --resume makes the video from the edit; re-runs pay nothing', async () => {
    const { root, video } = await project();
    const proofreads = h.emulator.state.proofreads.size;
    const translations = h.emulator.state.translations.size;
    const assets = h.emulator.state.assets.size;
    const early = await translate(root, video, ['French (France)'], 'resume');
    expect(early[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/no proofread to resume: run with --proofread first/) });

    const [review] = await translate(root, video, ['French (France)'], 'proofread');
    expect(review).toMatchObject({ status: 'review', reviewSrt: path.join(root, 'out', 'example.french-france.review.srt') });
    const srt = review!.reviewSrt!;
    await writeFile(srt, (await readFile(srt, 'utf8')).replace(/Nimbus/g, 'Nuage'));
    // a second --proofread keeps the edit and sends nothing
    expect((await translate(root, video, ['French (France)'], 'proofread'))[0]?.status).toBe('review');
    expect(await readFile(srt, 'utf8')).toContain('Nuage');
    expect(h.emulator.state.proofreads.size).toBe(proofreads + 1);

    const [made] = await translate(root, video, ['French (France)'], 'resume');
    expect(made).toMatchObject({ status: 'written', captions: path.join(root, 'out', 'example.french-france.srt') });
    expect(await readFile(made!.captions!, 'utf8')).toContain('Nuage');
    expect(existsSync(made!.file!)).toBe(true);
    expect((await translate(root, video, ['French (France)'], 'resume'))[0]?.status).toBe('cached');
    expect((await translate(root, video, ['French (France)'], 'proofread'))[0]?.status).toBe('cached');
    expect(h.emulator.state.proofreads.size).toBe(proofreads + 1);
    expect(h.emulator.state.translations.size).toBe(translations + 1);
    // the video once, the edited SRT once
    expect(h.emulator.state.assets.size).toBe(assets + 2);
    expect(lines.some((l) => /^French \(France\): (submitted|pending|processing)/.test(l))).toBe(true);
  });

  it('one language failing leaves the other', async () => {
    const { root, video } = await project();
    h.emulator.faults.add({ method: 'POST', path: '/v3/video-translations', fault: { type: 'fail', failureMessage: 'Voice cloning failed for German' } });
    // the fault takes whichever create comes first: the two languages are sent side by side
    const outcomes = await translate(root, video, ['German (Germany)', 'Italian (Italy)']);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['failed', 'written']);
    expect(outcomes.find((o) => o.status === 'failed')?.error).toContain('Voice cloning failed for German');
    expect(existsSync(outcomes.find((o) => o.status === 'written')!.file!)).toBe(true);
  });
});
