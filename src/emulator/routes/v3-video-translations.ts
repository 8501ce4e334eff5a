import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Router } from '../router';
import type { EmulatorContext } from '../emulator-context';
import type { DerivedVideo, Proofread } from '../resource-records';
import type { Fault } from '../faults';
import { HttpError } from '../http-error';
import { requireCredit } from '../billing';
import { newId } from '../ids';
import { paginateList } from '../pagination';
import { assetInputBytes, type AssetBytes } from '../asset-input';
import { derivedVideoOut, startDerivedRender } from '../derived-render';
import { cuesToSrt, type Cue } from '../render-video';
import { revoice } from '../stand-ins/revoice';
import { parseSrt } from '../stand-ins/srt-cues';
import { transcriptOf } from '../stand-ins/transcript';
import { TRANSLATION_LANGUAGES } from '../stand-ins/translation-languages';
import { jsonObjectBody } from '../json-object-body';

type Body = Record<string, unknown>;
const FIELDS = ['video', 'output_languages', 'title', 'callback_id', 'callback_url', 'input_language', 'audio', 'srt', 'srt_role', 'mode', 'speaker_num', 'translate_audio_only', 'enable_caption', 'enable_dynamic_duration', 'enable_speech_enhancement', 'enable_watermark', 'disable_music_track', 'keep_the_same_format', 'fps_mode', 'start_time', 'end_time', 'brand_glossary_id', 'brand_voice_id', 'stock_voice_config', 'folder_id', 'enable_video_stretching'];
const bad = (message: string, param: string): HttpError => new HttpError(400, message, { code: 'invalid_parameter', param });

function languagesOf(body: Body): string[] {
  const langs = body.output_languages;
  if (!Array.isArray(langs) || langs.length === 0) throw bad('output_languages must list at least one language', 'output_languages');
  langs.forEach((l, i) => {
    if (typeof l !== 'string' || !TRANSLATION_LANGUAGES[l]) throw bad(`output_languages[${i}] ${JSON.stringify(l)} is not supported: GET /v3/video-translations/languages lists them`, `output_languages[${i}]`);
  });
  return langs as string[];
}

/** A source video on disk for the render (an uploaded asset is read where it lies). */
async function videoOnDisk(video: AssetBytes): Promise<string> {
  if (video.file) return video.file;
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'emulator-translate-')), 'source.mp4');
  await writeFile(file, video.bytes);
  return file;
}

/** One translation per language: its render re-voices the cues in that language's eSpeak voice. */
function startTranslation(ctx: EmulatorContext, init: { videoFile: string; cues: Cue[]; language: string; inputLanguage: string; title: string | null; callbackId: string | null; captions: boolean; request: unknown; fault?: Fault }): DerivedVideo {
  const voice = TRANSLATION_LANGUAGES[init.language] ?? 'en-us';
  const job = startDerivedRender(ctx, { title: init.title ?? undefined, request: init.request, fault: init.fault, produce: (out) => revoice(init.videoFile, init.cues, voice, out) });
  const t: DerivedVideo = { id: newId('vt_'), jobId: job.id, title: init.title, callbackId: init.callbackId, createdAt: Date.now(), inputLanguage: init.inputLanguage, outputLanguage: init.language, captions: init.captions };
  ctx.state.translations.set(t.id, t);
  return t;
}

function translationOut(ctx: EmulatorContext, t: DerivedVideo): Record<string, unknown> {
  const shared = derivedVideoOut(ctx, t, { captionField: 'srt_caption_url', captionsAlways: true, failed: 'Translation failed' });
  return { ...shared, input_language: t.inputLanguage ?? null, output_language: t.outputLanguage ?? null, audio_url: null, vtt_caption_url: null, translate_audio_only: false };
}

function proofreadOut(p: Proofread): Record<string, unknown> {
  return { id: p.id, title: p.title, status: Date.now() < p.readyAt ? 'processing' : 'completed', input_language: p.inputLanguage, output_language: p.outputLanguage, created_at: Math.floor(p.createdAt / 1000), submitted_for_review: p.submitted, failure_message: null };
}

async function readSource(ctx: EmulatorContext, body: Body): Promise<{ videoFile: string; cues: Cue[] }> {
  const unknown = Object.keys(body).find((k) => !FIELDS.includes(k));
  if (unknown) throw bad(`Unrecognized field: ${unknown}`, unknown);
  const video = await assetInputBytes(ctx, body.video, ['video'], 'video');
  const srt = body.srt ? await assetInputBytes(ctx, body.srt, ['application/x-subrip', 'text'], 'srt') : undefined;
  const cues = await transcriptOf(ctx, video, srt, 'srt');
  return { videoFile: await videoOnDisk(video), cues };
}

function liveProofread(ctx: EmulatorContext, id: string): Proofread {
  const p = ctx.state.proofreads.get(id);
  if (!p) throw new HttpError(404, `Proofread ${id} not found`, { code: 'not_found' });
  return p;
}

function registerProofreadRoutes(router: Router, ctx: EmulatorContext): void {
  router.add(
    'POST',
    '/v3/video-translations/proofreads',
    async (rc) => {
      const body = await rc.json<Body>();
      if (typeof body.title !== 'string' || !body.title) throw bad('title is required', 'title');
      const langs = languagesOf(body);
      const { videoFile, cues } = await readSource(ctx, body);
      const srt = cuesToSrt(cues);
      const ids = langs.map((language) => {
        const p: Proofread = { id: newId('pr_'), title: body.title as string, createdAt: Date.now(), readyAt: Date.now() + ctx.timing.pendingMs + ctx.timing.processingMinMs, inputLanguage: typeof body.input_language === 'string' ? body.input_language : 'English', outputLanguage: language, videoFile, originalSrt: srt, srt, submitted: false };
        ctx.state.proofreads.set(p.id, p);
        return p.id;
      });
      return { data: { proofread_ids: ids, status: 'processing' } };
    },
    { idempotent: true },
  );
  router.add('GET', '/v3/video-translations/proofreads/:id', (rc) => ({ data: proofreadOut(liveProofread(ctx, rc.params.id ?? '')) }));
  router.add('GET', '/v3/video-translations/proofreads/:id/srt', (rc) => {
    const p = liveProofread(ctx, rc.params.id ?? '');
    if (Date.now() < p.readyAt) throw new HttpError(409, `Proofread ${p.id} is still processing`, { code: 'conflict' });
    const base = ctx.baseUrl();
    return { data: { srt_url: `${base}/files/proofreads/${p.id}.srt`, original_srt_url: `${base}/files/proofreads/${p.id}.original.srt` } };
  });
  router.add('PUT', '/v3/video-translations/proofreads/:id/srt', async (rc) => {
    const p = liveProofread(ctx, rc.params.id ?? '');
    const body = await rc.json<Body>();
    const srt = await assetInputBytes(ctx, body.srt, ['application/x-subrip', 'text'], 'srt');
    try {
      parseSrt(srt.bytes.toString('utf8'));
    } catch (error) {
      throw bad(`srt is not a SubRip file: ${(error as Error).message}`, 'srt');
    }
    p.srt = srt.bytes.toString('utf8');
    p.submitted = true;
    return { data: proofreadOut(p) };
  });
  router.add(
    'POST',
    '/v3/video-translations/proofreads/:id/generate',
    async (rc) => {
      const p = liveProofread(ctx, rc.params.id ?? '');
      const body = await rc.json<Body>().catch(() => ({}) as Body);
      if (Date.now() < p.readyAt) throw new HttpError(409, `Proofread ${p.id} is still processing`, { code: 'conflict' });
      const fault = ctx.faults.take('POST', rc.path, ['stuck', 'fail']);
      const t = startTranslation(ctx, { videoFile: p.videoFile, cues: parseSrt(p.srt), language: p.outputLanguage, inputLanguage: p.inputLanguage, title: p.title, callbackId: typeof body.callback_id === 'string' ? body.callback_id : null, captions: body.captions === true, request: body, fault });
      return { data: { video_translation_id: t.id, status: 'processing' } };
    },
    { idempotent: true },
  );
  router.add(
    'GET',
    '/files/proofreads/:name',
    (rc) => {
      const m = /^([A-Za-z0-9_]+)(\.original)?\.srt$/.exec(rc.params.name ?? '');
      const p = m?.[1] ? ctx.state.proofreads.get(m[1]) : undefined;
      if (!p) throw new HttpError(404, 'no such file', { code: 'not_found' });
      const text = m?.[2] ? p.originalSrt : p.srt;
      rc.res.writeHead(200, { 'content-type': 'application/x-subrip', 'content-length': Buffer.byteLength(text) });
      rc.res.end(text);
    },
    { auth: false },
  );
}

export function registerV3TranslationRoutes(router: Router, ctx: EmulatorContext): void {
  router.add('GET', '/v3/video-translations/languages', () => ({ data: { languages: Object.keys(TRANSLATION_LANGUAGES) } }));
  registerProofreadRoutes(router, ctx);
  router.add(
    'POST',
    '/v3/video-translations',
    async (rc) => {
      const body = await jsonObjectBody(rc);
      const langs = languagesOf(body);
      const { videoFile, cues } = await readSource(ctx, body);
      requireCredit(ctx.state);
      const common = { videoFile, cues, inputLanguage: typeof body.input_language === 'string' ? body.input_language : 'English', title: typeof body.title === 'string' ? body.title : null, callbackId: typeof body.callback_id === 'string' ? body.callback_id : null, captions: body.enable_caption === true, request: body };
      // each language is its own job: an injected failure hits one language, the others go on
      const ids = langs.map((language) => startTranslation(ctx, { ...common, language, fault: ctx.faults.take('POST', rc.path, ['stuck', 'fail']) }).id);
      return { data: { video_translation_ids: ids } };
    },
    { idempotent: true },
  );
  router.add('GET', '/v3/video-translations', (rc) => {
    const all = [...ctx.state.translations.values()].filter((t) => !t.deleted).sort((a, b) => b.createdAt - a.createdAt);
    const page = paginateList(all, rc.query, { def: 10, max: 100 }, 'video-translations');
    return { data: page.data.map((t) => translationOut(ctx, t)), extra: page.extra };
  });
  router.add('GET', '/v3/video-translations/:id', (rc) => {
    const t = ctx.state.translations.get(rc.params.id ?? '');
    if (!t || t.deleted) throw new HttpError(404, `Video translation ${rc.params.id} not found`, { code: 'not_found' });
    return { data: translationOut(ctx, t) };
  });
}
