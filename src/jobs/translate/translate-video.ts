import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { HeyGenClient, ServerIdentity } from '../../heygen';
import { ClipStore } from '../../project/clip-store';
import { hashFile } from '../../project/project-files';
import { contentHash } from '../../spec/content-hash';
import { AssetCache } from '../asset-cache';
import type { Job, JobContext } from '../job';
import { Journal } from '../journal';
import { runJobs } from '../scheduler';
import { oldTranslationRecord } from './old-translate-journal';
import { TranslationRecords } from './translation-records';
import { translationFiles, type TranslationRequest } from './translation-request';

export type TranslateMode = 'direct' | 'proofread' | 'resume';

export interface TranslateRequest {
  client: HeyGenClient;
  /** Who answers (identifyServer): jobs and uploads belong to its account. */
  identity: ServerIdentity;
  /** Where `.heygen/` lives (the project root: the current directory of `npm run translate`). */
  root: string;
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

/** What one run knows: the files' hashes, the journal, the finished records, and the old journal to upgrade from. */
interface RunState {
  req: TranslateRequest;
  journal: Journal;
  records: TranslationRecords;
  hashes: Record<string, string>;
  oldJournal: string;
}

/** A language is either settled without HeyGen (cached, under review, refused) or a job for the scheduler. */
type Planned = { outcome: TranslateOutcome } | { job: Job<TranslationRequest> };

/** Content keys: the video's and captions' bytes, the language, the backend (an emulator stand-in is no translation), the flow. */
function keyOf(s: RunState, kind: 'video-translation' | 'translation-proofread', language: string): string {
  const { req, hashes } = s;
  return contentHash({ kind, backend: req.identity.backend, video: hashes[req.video], srt: req.srt ? hashes[req.srt] : null, language });
}

/** Puts a remote job HeyGen already made into the journal, so the scheduler waits for it and collects it (no create). */
async function adopt(s: RunState, key: string, kind: string, remoteId: string): Promise<void> {
  if (s.journal.get(key)) return;
  await s.journal.put(key, { idempotencyKey: `${kind}-${key}`, marker: `hr-${key.slice(0, 20)}`, kind, videoId: remoteId, submittedAt: new Date().toISOString(), attempts: 1 });
}

/** An upgrade: what the old journal (scoped by base URL) says was paid for becomes records and journal entries. */
async function upgradeOld(s: RunState, language: string, keys: { direct: string; proofread: string; generate?: string }): Promise<void> {
  const { req, records } = s;
  const old = await oldTranslationRecord(s.oldJournal, req.client.config.baseUrl, { video: s.hashes[req.video]!, srt: req.srt ? s.hashes[req.srt]! : null, proofread: req.mode !== 'direct' }, language);
  if (!old) return;
  const files = translationFiles({ video: req.video, language, outBase: outputBase(req.video, language) });
  const scope = req.identity.scope;
  const now = new Date().toISOString();
  const videoKey = req.mode === 'direct' ? keys.direct : keys.generate;
  if (old.proofreadId && req.mode !== 'direct' && !records.proofread(keys.proofread)) {
    if (existsSync(files.reviewSrt)) await records.putProofread(keys.proofread, { proofreadId: old.proofreadId, scope, reviewSrt: files.reviewSrt, createdAt: now });
    else await adopt(s, keys.proofread, 'translation-proofread', old.proofreadId);
  }
  if (!old.translationId && old.idempotencyKey && req.mode === 'direct' && !s.journal.get(keys.direct)) {
    // killed between sending the create and its answer: the next create goes out under the old key (HeyGen replays it)
    await s.journal.put(keys.direct, { idempotencyKey: old.idempotencyKey, marker: `hr-${keys.direct.slice(0, 20)}`, kind: 'video-translation', submittedAt: old.submittedAt ?? now, attempts: 1 });
  }
  if (!old.translationId || !videoKey || records.video(videoKey)) return;
  const fromProofread = req.mode === 'direct' ? undefined : keys.proofread;
  if (old.done && existsSync(files.video)) {
    await records.putVideo(videoKey, { translationId: old.translationId, scope, file: files.video, captions: files.captions, bytes: statSync(files.video).size, fromProofread, createdAt: now });
  } else await adopt(s, videoKey, req.mode === 'direct' ? 'video-translation' : 'proofread-video', old.translationId);
}

/** A finished video whose file went missing: fetched again from the same account's translation, not paid again. */
async function refetchIfGone(s: RunState, key: string, kind: string): Promise<void> {
  const v = s.records.video(key);
  if (v && v.scope === s.req.identity.scope) await adopt(s, key, kind, v.translationId);
}

/** One language: settled from the records (nothing sent), or the job that makes it. */
async function planLanguage(s: RunState, language: string): Promise<Planned> {
  const { req, records } = s;
  const request: TranslationRequest = { video: req.video, language, srt: req.srt, outBase: outputBase(req.video, language) };
  const files = translationFiles(request);
  const keys = { direct: keyOf(s, 'video-translation', language), proofread: keyOf(s, 'translation-proofread', language), generate: undefined as string | undefined };
  if (req.mode === 'resume' && existsSync(files.reviewSrt)) keys.generate = contentHash({ kind: 'proofread-video', proofread: keys.proofread, srt: s.hashes[files.reviewSrt] });
  await upgradeOld(s, language, keys);
  const cached = (v: { file: string; captions: string }): Planned => ({ outcome: { language, status: 'cached', file: v.file, captions: v.captions } });
  const job = (kind: string, key: string, r = request): Planned => ({ job: { kind, key, request: r, label: language } });
  if (req.mode === 'direct') {
    const done = records.videoOnDisk(keys.direct);
    if (done) return cached(done);
    await refetchIfGone(s, keys.direct, 'video-translation');
    return job('video-translation', keys.direct);
  }
  const proofread = records.proofread(keys.proofread);
  const mine = proofread?.scope === req.identity.scope ? proofread : undefined;
  if (req.mode === 'proofread') {
    const done = records.videoFromProofread(keys.proofread);
    if (done) return cached(done);
    // An edited review SRT is never overwritten: it is what `--resume` sends.
    if (mine && existsSync(files.reviewSrt)) return { outcome: { language, status: 'review', reviewSrt: files.reviewSrt } };
    if (mine) await adopt(s, keys.proofread, 'translation-proofread', mine.proofreadId);
    return job('translation-proofread', keys.proofread);
  }
  if (!proofread) throw new Error(`${language} has no proofread to resume: run with --proofread first`);
  if (!mine) throw new Error(`the proofread of ${language} was made by another HeyGen account than this one: run with --proofread again`);
  if (!keys.generate) throw new Error(`${files.reviewSrt} is missing: run with --proofread to fetch it again`);
  const done = records.videoOnDisk(keys.generate);
  if (done) return cached(done);
  await refetchIfGone(s, keys.generate, 'proofread-video');
  return job('proofread-video', keys.generate, { ...request, proofread: { id: mine.proofreadId, key: keys.proofread, srt: files.reviewSrt } });
}

/** The files' hashes, by the path the job uploads them from (the asset cache is keyed by bytes). */
async function hashInputs(req: TranslateRequest): Promise<Record<string, string>> {
  const files = [req.video, ...(req.srt ? [req.srt] : [])];
  if (req.mode === 'resume') files.push(...req.languages.map((l) => translationFiles({ video: req.video, language: l, outBase: outputBase(req.video, l) }).reviewSrt).filter((f) => existsSync(f)));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, await hashFile(f)] as const)));
}

/**
 * Translates one finished video into each language, each its own job on the shared scheduler: content-keyed,
 * journaled (per account) before it is sent, resumed after a kill, the video uploaded once per account. One
 * language failing leaves the others.
 */
export async function translateVideo(req: TranslateRequest): Promise<TranslateOutcome[]> {
  const dir = path.join(req.root, '.heygen');
  const { identity } = req;
  const s: RunState = {
    req,
    journal: await Journal.open(path.join(dir, 'translate-jobs.json'), identity.scope),
    records: await TranslationRecords.open(path.join(dir, 'translations.json')),
    hashes: await hashInputs(req),
    oldJournal: path.join(dir, 'translate-journal.json'),
  };
  const outcomes = new Map<string, TranslateOutcome>();
  const jobs: Job<TranslationRequest>[] = [];
  for (const language of req.languages) {
    const planned = await planLanguage(s, language).catch((err: Error): Planned => ({ outcome: { language, status: 'failed', error: err.message } }));
    if ('job' in planned) jobs.push(planned.job);
    else outcomes.set(language, planned.outcome);
  }
  const ctx: JobContext = {
    client: req.client,
    identity,
    store: new ClipStore(req.root),
    uploads: new AssetCache(path.join(dir, 'assets.json'), `${identity.backend}|${identity.account}|${identity.generation}`, s.hashes),
    record: () => Promise.resolve(),
    translations: s.records,
  };
  const byKey = new Map(jobs.map((j) => [j.key, j]));
  const result = await runJobs(jobs, {
    ctx,
    journal: s.journal,
    cap: 4,
    onEvent: (e) => req.log(`${byKey.get(e.key)?.label}: ${e.state} (${Math.round(e.elapsedMs / 1000)} s)${e.detail ? ` ${e.detail}` : ''}`),
  });
  const failed = new Map(result.failed.map((f) => [f.key, f]));
  for (const j of jobs) {
    const files = translationFiles(j.request);
    const f = failed.get(j.key);
    if (f) outcomes.set(j.request.language, { language: j.request.language, status: 'failed', error: `${f.code ? `${f.code}: ` : ''}${f.message}` });
    else if (j.kind === 'translation-proofread') outcomes.set(j.request.language, { language: j.request.language, status: 'review', reviewSrt: files.reviewSrt });
    else outcomes.set(j.request.language, { language: j.request.language, status: 'written', file: files.video, captions: files.captions });
  }
  return req.languages.map((l) => outcomes.get(l)!);
}
