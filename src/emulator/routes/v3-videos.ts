import { readFile } from 'node:fs/promises';
import type { Router, RouteContext } from '../router';
import type { EmulatorContext } from '../emulator-context';
import type { VideoJob } from '../video-job';
import type { ClipRequest } from '../synth';
import { dimensionsFor, type AspectRatio, type Resolution } from '../synth/dimensions';
import { HttpError } from '../http-error';
import { requireCredit } from '../billing';
import { findVoice, speechLocale } from '../catalog';
import { resolveAvatar } from '../resolve-avatar';
import { newId } from '../ids';
import { paginateList } from '../pagination';
import { videoUrls } from '../video-urls';
import { jsonObjectBody } from '../json-object-body';

const COMMON_FIELDS = [
  'type', 'script', 'voice_id', 'audio_url', 'audio_asset_id', 'title', 'resolution', 'aspect_ratio', 'fit', 'background', 'remove_background',
  'output_format', 'caption', 'motion_prompt', 'expressiveness', 'voice_settings', 'watermark', 'callback_url', 'callback_id',
];
const ARM_FIELDS: Record<string, string[]> = { avatar: [...COMMON_FIELDS, 'avatar_id', 'engine'], image: [...COMMON_FIELDS, 'image'] };
const RESOLUTIONS = ['720p', '1080p', '4k'];
const ASPECTS = ['16:9', '9:16', '4:5', '5:4', '1:1', 'auto'];

type Body = Record<string, unknown>;

const bad = (message: string, param: string): HttpError => new HttpError(400, message, { code: 'invalid_parameter', param });
const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

function str(body: Body, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw bad(`${field} must be a string`, field);
  return v;
}

/** Reads an uploaded asset's bytes, checking it exists and has the expected kind. */
export async function assetBytes(ctx: EmulatorContext, assetId: string, kind: 'image' | 'audio', param: string): Promise<Buffer> {
  const asset = ctx.state.assets.get(assetId);
  if (!asset || asset.status === 'pending_upload') throw new HttpError(404, `Asset ${assetId} not found or not uploaded`, { code: 'asset_not_found', param });
  if (!asset.mimeType.startsWith(`${kind}/`)) throw bad(`Asset ${assetId} is ${asset.mimeType}, not ${kind}`, param);
  return readFile(asset.file);
}

async function imageBytes(ctx: EmulatorContext, image: unknown): Promise<Buffer> {
  const input = image as { type?: string; asset_id?: string; data?: string; url?: string } | null;
  if (!input || typeof input !== 'object') throw bad('image must be an asset input {type, ...}', 'image');
  if (input.type === 'asset_id' && typeof input.asset_id === 'string') return assetBytes(ctx, input.asset_id, 'image', 'image.asset_id');
  if (input.type === 'base64' && typeof input.data === 'string') return Buffer.from(input.data, 'base64');
  if (input.type === 'url' && typeof input.url === 'string') {
    const local = /\/files\/assets\/([^/]+)\//.exec(input.url);
    if (local?.[1]) return assetBytes(ctx, local[1], 'image', 'image.url');
    throw new HttpError(400, `Failed to download ${input.url}: the emulator reaches no other host`, { code: 'download_failed', param: 'image.url' });
  }
  throw bad('image.type must be url, asset_id or base64 with its field', 'image');
}

/** Validates a `POST /v3/videos` body like HeyGen (unknown fields are a 400) and turns it into a job. */
async function jobFromBody(ctx: EmulatorContext, body: Body, idempotencyKey: string | undefined): Promise<VideoJob> {
  const type = body.type;
  if (type === 'cinematic_avatar' || type === 'studio') throw bad(`type "${type}" is not rendered by the emulator; use avatar or image`, 'type');
  const allowed = typeof type === 'string' ? ARM_FIELDS[type] : undefined;
  if (!allowed) throw bad('type must be one of avatar, image, cinematic_avatar, studio', 'type');
  const unknown = Object.keys(body).find((k) => !allowed.includes(k));
  if (unknown) throw bad(`Unrecognized field: ${unknown}`, unknown);

  const sources = ['script', 'audio_url', 'audio_asset_id'].filter((f) => present(body[f]));
  if (sources.length !== 1) throw bad('Exactly one speech source required: script, audio_url, or audio_asset_id.', sources[1] ?? 'script');
  const script = str(body, 'script');
  if (script !== undefined && script.length > 5000) throw bad('script must be at most 5000 characters', 'script');

  let avatarId: string | undefined;
  let defaultVoice: string | undefined;
  let photo: Buffer | undefined;
  if (type === 'avatar') {
    avatarId = str(body, 'avatar_id');
    if (!avatarId) throw bad('Exactly one visual source required: avatar_id, image_url, or image_asset_id.', 'avatar_id');
    const avatar = resolveAvatar(ctx, avatarId, 'avatar_id');
    defaultVoice = avatar.defaultVoice;
    photo = avatar.photo;
  } else {
    photo = await imageBytes(ctx, body.image);
  }

  const voiceId = str(body, 'voice_id') ?? (script !== undefined ? defaultVoice : undefined);
  if (script !== undefined && !voiceId) throw bad('voice_id is required with script when the avatar has no default voice', 'voice_id');
  if (voiceId && !findVoice(voiceId) && !ctx.acceptUnknownIds) throw new HttpError(404, `Voice ${voiceId} not found`, { code: 'voice_not_found', param: 'voice_id' });

  const resolution = str(body, 'resolution') ?? ctx.defaultResolution;
  if (!RESOLUTIONS.includes(resolution)) throw bad(`resolution must be one of ${RESOLUTIONS.join(', ')}`, 'resolution');
  const aspectIn = str(body, 'aspect_ratio') ?? '16:9';
  if (!ASPECTS.includes(aspectIn)) throw bad(`aspect_ratio must be one of ${ASPECTS.join(', ')}`, 'aspect_ratio');
  const aspect = (aspectIn === 'auto' ? '16:9' : aspectIn) as AspectRatio;
  const outputFormat = str(body, 'output_format') ?? 'mp4';
  if (outputFormat !== 'mp4' && outputFormat !== 'webm') throw bad('output_format must be mp4 or webm', 'output_format');
  if (outputFormat === 'webm' && present(body.background)) throw bad('background cannot be set with output_format webm (the output is transparent)', 'background');

  const speed = checkVoiceSettings(body.voice_settings);
  const localeHint = (body.voice_settings as { locale?: unknown } | null | undefined)?.locale;

  const caption = body.caption as { file_format?: unknown } | null | undefined;
  if (caption && caption.file_format !== undefined && caption.file_format !== 'srt') throw bad('caption.file_format must be srt', 'caption.file_format');

  let speech: ClipRequest['speech'];
  const audioAssetId = str(body, 'audio_asset_id');
  if (audioAssetId) speech = { audio: await assetBytes(ctx, audioAssetId, 'audio', 'audio_asset_id') };
  else if (present(body.audio_url)) {
    const local = /\/files\/(assets\/[^/]+|speech)\/([^/?]+)/.exec(String(body.audio_url));
    const asset = local?.[1]?.startsWith('assets/') ? local[1].slice('assets/'.length) : undefined;
    if (asset) speech = { audio: await assetBytes(ctx, asset, 'audio', 'audio_url') };
    else if (local?.[1] === 'speech' && local[2]) speech = { audio: await readFile(`${ctx.dataDir}/speech/${local[2]}`).catch(() => { throw new HttpError(400, `Failed to download ${String(body.audio_url)}`, { code: 'download_failed', param: 'audio_url' }); }) };
    else throw new HttpError(400, `Failed to download ${String(body.audio_url)}: the emulator reaches no other host`, { code: 'download_failed', param: 'audio_url' });
  } else speech = { text: script as string, voiceId, speed: typeof speed === 'number' ? speed : undefined, locale: speechLocale(voiceId, typeof localeHint === 'string' ? localeHint : undefined) };

  const { width, height } = dimensionsFor(resolution as Resolution, aspect);
  const clip: ClipRequest = { width, height, fps: 25, avatarId: avatarId ?? 'photo', photo, speech };
  return {
    id: newId(),
    api: 'v3',
    title: str(body, 'title'),
    status: 'waiting',
    createdAt: Date.now(),
    outputFormat,
    width,
    height,
    scenes: [{ clip }],
    caption: Boolean(caption),
    callbackUrl: str(body, 'callback_url'),
    callbackId: str(body, 'callback_id'),
    idempotencyKey,
    request: body,
  };
}

const VOICE_SETTINGS = ['speed', 'pitch', 'volume', 'locale', 'engine_settings'];
const VOICE_RANGES: Record<string, [number, number]> = { speed: [0.5, 1.5], pitch: [-50, 50], volume: [0, 1] };

/** HeyGen's `voice_settings`: speed 0.5–1.5, pitch -50–50 semitones, volume 0–1, locale a tag; returns the speed. */
function checkVoiceSettings(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw bad('voice_settings must be an object', 'voice_settings');
  const settings = value as Record<string, unknown>;
  const unknown = Object.keys(settings).find((k) => !VOICE_SETTINGS.includes(k));
  if (unknown) throw bad(`voice_settings.${unknown} is not a field: use ${VOICE_SETTINGS.join(', ')}`, `voice_settings.${unknown}`);
  for (const [name, [min, max]] of Object.entries(VOICE_RANGES)) {
    const v = settings[name];
    if (v !== undefined && v !== null && (typeof v !== 'number' || v < min || v > max)) throw bad(`voice_settings.${name} must be between ${min} and ${max}`, `voice_settings.${name}`);
  }
  if (settings.locale !== undefined && settings.locale !== null && (typeof settings.locale !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(settings.locale))) throw bad('voice_settings.locale must be a BCP-47 tag such as en-US', 'voice_settings.locale');
  return typeof settings.speed === 'number' ? settings.speed : undefined;
}

/** The v3 VideoDetail of a job (URLs only once completed, failure fields only once failed). */
export function videoDetail(ctx: EmulatorContext, job: VideoJob): Record<string, unknown> {
  const urls = videoUrls(ctx, job);
  return {
    id: job.id,
    title: job.title ?? null,
    status: job.status === 'waiting' ? 'pending' : job.status,
    created_at: Math.floor(job.createdAt / 1000),
    completed_at: job.completedAt ? Math.floor(job.completedAt / 1000) : null,
    duration: job.status === 'completed' ? (job.durationSec ?? null) : null,
    video_url: urls.videoUrl,
    captioned_video_url: null,
    subtitle_url: urls.subtitleUrl,
    thumbnail_url: null,
    gif_url: null,
    video_page_url: urls.pageUrl,
    folder_id: null,
    output_language: null,
    ...(job.status === 'failed' ? { failure_code: job.failure?.code ?? 'rendering_failed', failure_message: job.failure?.message ?? 'Render failed' } : {}),
  };
}

/** One entry of GET /v3/videos/statuses: queued, processing, completed, failed, or not_found. */
function bulkStatus(ctx: EmulatorContext, id: string): Record<string, unknown> {
  const job = ctx.state.videos.get(id);
  if (!job || job.deleted) return { video_id: id, status: 'not_found' };
  const status = job.status === 'waiting' || job.status === 'pending' ? 'queued' : job.status;
  return { video_id: id, status, ...(job.status === 'failed' ? { error: { code: job.failure?.code ?? 'rendering_failed', message: job.failure?.message ?? 'Render failed' } } : {}) };
}

function liveJob(ctx: EmulatorContext, id: string): VideoJob {
  const job = ctx.state.videos.get(id);
  if (!job || job.deleted) throw new HttpError(404, `Video ${id} not found`, { code: 'video_not_found' });
  return job;
}

export function registerV3VideoRoutes(router: Router, ctx: EmulatorContext): void {
  router.add(
    'POST',
    '/v3/videos',
    async (rc: RouteContext) => {
      const body = await jsonObjectBody(rc);
      const job = await jobFromBody(ctx, body, rc.header('idempotency-key'));
      requireCredit(ctx.state);
      const fault = ctx.faults.take('POST', rc.path, ['stuck', 'fail']);
      if (fault?.type === 'stuck' || fault?.type === 'fail') job.fault = fault;
      ctx.createVideo(job);
      return { data: { video_id: job.id, status: 'waiting', output_format: job.outputFormat } };
    },
    { idempotent: true },
  );
  // Before /v3/videos/:id, which would take "statuses" for an id.
  router.add('GET', '/v3/videos/statuses', (rc) => {
    const ids = (rc.query.get('video_ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (!ids.length && !rc.query.get('batch_ids')) throw bad('video_ids or batch_ids is required', 'video_ids');
    if (ids.length > 100) throw bad('at most 100 video_ids per request', 'video_ids');
    return { data: ids.map((id) => bulkStatus(ctx, id)), extra: { has_more: false, next_token: null } };
  });
  router.add('GET', '/v3/videos/:id', (rc) => ({ data: videoDetail(ctx, liveJob(ctx, rc.params.id ?? '')) }));
  router.add('DELETE', '/v3/videos/:id', (rc) => {
    const job = liveJob(ctx, rc.params.id ?? '');
    ctx.runner.forget(job);
    return { data: { id: job.id, deleted: true } };
  });
  router.add('GET', '/v3/videos', (rc) => {
    const title = rc.query.get('title');
    const all = [...ctx.state.videos.values()]
      .filter((j) => !j.deleted && (!title || (j.title ?? '').includes(title)))
      .sort((a, b) => b.createdAt - a.createdAt);
    const page = paginateList(all, rc.query, { def: 10, max: 100 }, 'videos');
    return { data: page.data.map((j) => videoDetail(ctx, j)), extra: page.extra };
  });
}
