import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Router } from '../router';
import type { EmulatorContext } from '../emulator-context';
import type { DerivedVideo } from '../resource-records';
import type { VideoJob } from '../video-job';
import { HttpError } from '../http-error';
import { requireCredit } from '../billing';
import { newId } from '../ids';
import { paginateList } from '../pagination';
import { assetInputBytes, type AssetBytes } from '../asset-input';
import { derivedVideoOut, startDerivedRender } from '../derived-render';
import { sha256 } from '../remember-render';
import { replaceAudio } from '../stand-ins/replace-audio';
import { wordsToSrt } from '../synth/srt';
import { decodeAudio } from '../synth/clip-audio';
import { cuesToSrt } from '../render-video';
import { ffmpegPath, runBinary } from '../../media/ffmpeg';
import { jsonObjectBody } from '../json-object-body';

type Body = Record<string, unknown>;
const FIELDS = ['video', 'audio', 'title', 'callback_id', 'callback_url', 'mode', 'fps_mode', 'start_time', 'end_time', 'enable_caption', 'enable_dynamic_duration', 'enable_speech_enhancement', 'enable_watermark', 'disable_music_track', 'keep_the_same_format', 'folder_id'];
const bad = (message: string, param: string): HttpError => new HttpError(400, message, { code: 'invalid_parameter', param });

/** The emulator's own presenter is re-synthesized speaking the new audio (its mouth follows); other footage gets the audio laid over it. */
async function lipsyncFile(ctx: EmulatorContext, video: AssetBytes, audio: AssetBytes, outFile: string): Promise<{ durationSec: number; srt: string }> {
  const own = ctx.state.renderedByHash.get(sha256(video.bytes))?.scenes[0]?.clip;
  const words = ctx.state.speechByHash.get(sha256(audio.bytes));
  if (own) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'emulator-lipsync-'));
    try {
      const clip = path.join(dir, 'clip.webm');
      const result = await ctx.synthesize({ ...own, speech: { audio: audio.bytes } }, clip);
      await runBinary(ffmpegPath(), ['-y', '-v', 'error', '-i', clip, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-f', 'mp4', outFile]);
      return { durationSec: result.durationSec, srt: words ? wordsToSrt(words) : cuesToSrt([{ text: '[speech]', start: 0, end: result.durationSec }]) };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'emulator-lipsync-'));
  try {
    const source = video.file ?? path.join(dir, 'video');
    if (!video.file) await writeFile(source, video.bytes);
    const { durationSec } = await replaceAudio(source, audio.bytes, outFile);
    return { durationSec, srt: words ? wordsToSrt(words) : cuesToSrt([{ text: '[speech]', start: 0, end: durationSec }]) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const lipsyncOut = (ctx: EmulatorContext, l: DerivedVideo): Record<string, unknown> => derivedVideoOut(ctx, l, { captionField: 'caption_url', captionsAlways: false, failed: 'Lipsync failed' });

function live(ctx: EmulatorContext, id: string): DerivedVideo {
  const l = ctx.state.lipsyncs.get(id);
  if (!l || l.deleted) throw new HttpError(404, `Lipsync ${id} not found`, { code: 'not_found' });
  return l;
}

async function createLipsync(ctx: EmulatorContext, body: Body, faultPath: string): Promise<DerivedVideo> {
  const unknown = Object.keys(body).find((k) => !FIELDS.includes(k));
  if (unknown) throw bad(`Unrecognized field: ${unknown}`, unknown);
  if (body.mode !== undefined && body.mode !== 'speed' && body.mode !== 'precision') throw bad('mode must be speed or precision', 'mode');
  const video = await assetInputBytes(ctx, body.video, ['video'], 'video');
  const audio = await assetInputBytes(ctx, body.audio, ['audio'], 'audio');
  await decodeAudio(audio.bytes).catch(() => {
    throw bad('audio could not be decoded (WAV or MP3 expected)', 'audio');
  });
  requireCredit(ctx.state);
  const title = typeof body.title === 'string' ? body.title : null;
  const fault = ctx.faults.take('POST', faultPath, ['stuck', 'fail']);
  const job: VideoJob = startDerivedRender(ctx, { title: title ?? undefined, request: body, fault, produce: (out) => lipsyncFile(ctx, video, audio, out) });
  const l: DerivedVideo = { id: newId('ls_'), jobId: job.id, title, callbackId: typeof body.callback_id === 'string' ? body.callback_id : null, createdAt: Date.now(), captions: body.enable_caption === true };
  ctx.state.lipsyncs.set(l.id, l);
  return l;
}

export function registerV3LipsyncRoutes(router: Router, ctx: EmulatorContext): void {
  router.add(
    'POST',
    '/v3/lipsyncs',
    async (rc) => {
      const body = await jsonObjectBody(rc);
      const l = await createLipsync(ctx, body, rc.path);
      return { data: { lipsync_id: l.id } };
    },
    { idempotent: true },
  );
  router.add('GET', '/v3/lipsyncs', (rc) => {
    const all = [...ctx.state.lipsyncs.values()].filter((l) => !l.deleted).sort((a, b) => b.createdAt - a.createdAt);
    const page = paginateList(all, rc.query, { def: 10, max: 100 }, 'lipsyncs');
    return { data: page.data.map((l) => lipsyncOut(ctx, l)), extra: page.extra };
  });
  router.add('GET', '/v3/lipsyncs/:id', (rc) => ({ data: lipsyncOut(ctx, live(ctx, rc.params.id ?? '')) }));
}
