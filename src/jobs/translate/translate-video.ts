import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { HeyGenClient } from '../../heygen';
import { contentHash } from '../../spec/content-hash';
import { hashFile } from '../../project/project-files';
import type { TranslateJournal, TranslateEntry, TranslationRecord } from './translate-journal';

export type TranslateMode = 'direct' | 'proofread' | 'resume';

export interface TranslateRequest {
  client: HeyGenClient;
  journal: TranslateJournal;
  video: string;
  languages: string[];
  /** captions of the source video (what it says), sent as the input SRT */
  srt?: string;
  mode: TranslateMode;
  log: (line: string) => void;
}

export interface TranslateOutcome {
  language: string;
  status: 'written' | 'cached' | 'review' | 'failed';
  file?: string;
  captions?: string;
  /** proofread: the translated SRT to review, then `--resume` */
  reviewSrt?: string;
  error?: string;
}

/** `out/example.mp4` + "Spanish (Spain)" -> `out/example.spanish-spain` (the outputs add .mp4, .srt, .review.srt). */
export function outputBase(video: string, language: string): string {
  const slug = language.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return path.join(path.dirname(video), `${path.basename(video, path.extname(video))}.${slug}`);
}

async function sourceAsset(req: TranslateRequest, entry: TranslateEntry): Promise<{ type: 'asset_id'; asset_id: string }> {
  if (!entry.assetId) {
    req.log(`uploading ${req.video} (once for every language)`);
    entry.assetId = (await req.client.assets.upload({ file: req.video })).assetId;
    await req.journal.save();
  }
  return { type: 'asset_id', asset_id: entry.assetId };
}

async function srtAsset(req: TranslateRequest, file: string | undefined): Promise<{ type: 'asset_id'; asset_id: string } | undefined> {
  if (!file) return undefined;
  return { type: 'asset_id', asset_id: (await req.client.assets.upload({ file })).assetId };
}

/** Sends a paid create once: the record (with its idempotency key) is journaled before the request leaves. */
async function once(req: TranslateRequest, rec: TranslationRecord, field: 'translationId' | 'proofreadId', send: (key: string) => Promise<string>, keySuffix = ''): Promise<string> {
  const existing = rec[field];
  if (existing) return existing;
  await req.journal.save();
  const id = await send(`${rec.idempotencyKey}${keySuffix}`);
  rec[field] = id;
  await req.journal.save();
  return id;
}

async function translateOne(req: TranslateRequest, entry: TranslateEntry, language: string): Promise<TranslateOutcome> {
  const base = outputBase(req.video, language);
  const file = `${base}.mp4`;
  const captions = `${base}.srt`;
  const reviewSrt = `${base}.review.srt`;
  const rec = (entry.languages[language] ??= { idempotencyKey: `tr-${randomUUID()}`, submittedAt: new Date().toISOString() });
  if (rec.done && existsSync(file)) return { language, status: 'cached', file, captions };
  const vt = req.client.videoTranslations;
  let last = '';
  const progress = (what: string) => (s: { status: string; elapsedMs: number }) => {
    if (`${what} ${s.status}` !== last) req.log(`${language}: ${what} ${s.status} (${Math.round(s.elapsedMs / 1000)} s)`);
    last = `${what} ${s.status}`;
  };
  let translationId: string;
  if (req.mode === 'direct') {
    const video = await sourceAsset(req, entry);
    translationId = await once(req, rec, 'translationId', async (key) => {
      const srt = await srtAsset(req, req.srt);
      const [id] = await vt.create({ video, output_languages: [language], title: path.basename(req.video), srt, srt_role: srt ? 'input' : undefined, enable_caption: true }, { idempotencyKey: key });
      return id ?? '';
    });
  } else {
    if (req.mode === 'resume' && !rec.proofreadId) throw new Error(`${language} has no proofread to resume: run with --proofread first`);
    const video = req.mode === 'proofread' ? await sourceAsset(req, entry) : undefined;
    const proofreadId = await once(req, rec, 'proofreadId', async (key) => {
      const srt = await srtAsset(req, req.srt);
      const [id] = await vt.proofreads.create({ video: video!, output_languages: [language], title: path.basename(req.video), srt }, { idempotencyKey: key });
      return id ?? '';
    });
    if (req.mode === 'proofread') {
      await vt.proofreads.wait(proofreadId, { onStatus: progress('proofread') });
      await vt.proofreads.downloadSrt(proofreadId, reviewSrt);
      return { language, status: 'review', reviewSrt };
    }
    if (!existsSync(reviewSrt)) throw new Error(`${reviewSrt} is missing: run with --proofread to fetch it again`);
    if (!rec.srtUploaded) {
      await vt.proofreads.uploadSrt(proofreadId, (await srtAsset(req, reviewSrt))!);
      rec.srtUploaded = true;
      await req.journal.save();
    }
    translationId = await once(req, rec, 'translationId', (key) => vt.proofreads.generate(proofreadId, { captions: true }, { idempotencyKey: key }), ':generate');
  }
  await vt.wait(translationId, { onStatus: progress('translation') });
  await vt.download(translationId, file, { captionsFile: captions });
  rec.done = true;
  await req.journal.save();
  return { language, status: 'written', file, captions };
}

/** The content key of a translation request: the video's and captions' bytes, and whether it goes through a proofread. */
export async function translateKey(video: string, srt: string | undefined, mode: TranslateMode): Promise<string> {
  return contentHash({ video: await hashFile(video), srt: srt ? await hashFile(srt) : null, proofread: mode !== 'direct' });
}

/** Translates one finished video into each language (each its own HeyGen job); one language failing leaves the others. */
export async function translateVideo(req: TranslateRequest): Promise<TranslateOutcome[]> {
  const entry = req.journal.entry(await translateKey(req.video, req.srt, req.mode));
  // the upload happens once, before the languages fan out
  if (req.mode !== 'resume' && req.languages.some((l) => !entry.languages[l]?.done)) await sourceAsset(req, entry);
  const settled = await Promise.allSettled(req.languages.map((l) => translateOne(req, entry, l)));
  return settled.map((s, i) => (s.status === 'fulfilled' ? s.value : { language: req.languages[i] ?? '', status: 'failed', error: (s.reason as Error).message }));
}
