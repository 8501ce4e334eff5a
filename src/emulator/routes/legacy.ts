import type { Router, RouteContext } from '../router';
import type { EmulatorContext } from '../emulator-context';
import type { VideoJob, RenderScene } from '../video-job';
import { HttpError } from '../http-error';
import { LOOKS, VOICES, findLook, findVoice, speechLocale } from '../catalog';
import { newId } from '../ids';
import { sniffMime } from '../sniff-mime';
import { assetUrl, createAsset, extensionFor } from '../asset-store';
import { videoUrls } from '../video-urls';
import { assetBytes } from './v3-videos';
import { receiveSignedPut } from './v3-assets';
import { silenceWav } from '../silence-wav';

const RAW_TYPES = ['image/png', 'image/jpeg', 'video/mp4', 'video/webm', 'audio/mpeg', 'audio/wav'];
const HEX = /^#[0-9a-fA-F]{6}$/;

type Body = Record<string, unknown>;
const bad = (message: string, param?: string): HttpError => new HttpError(400, message, { code: 'invalid_parameter', param });
const obj = (v: unknown): Body | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Body) : undefined);

function dimensionOf(value: unknown, fallback: { width: number; height: number }): { width: number; height: number } {
  if (value === undefined || value === null) return fallback;
  const d = obj(value);
  const width = d?.width;
  const height = d?.height;
  if (typeof width !== 'number' || typeof height !== 'number') throw bad('dimension must be {width, height}', 'dimension');
  for (const [name, n] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(n) || n < 128 || n > 4096 || n % 2) throw bad(`dimension.${name} must be an even integer between 128 and 4096`, `dimension.${name}`);
  }
  return { width, height };
}

function checkVoiceId(ctx: EmulatorContext, id: unknown, param: string): string {
  if (typeof id !== 'string' || !id) throw bad(`${param} is required`, param);
  if (!findVoice(id) && !ctx.acceptUnknownIds) throw new HttpError(404, `Voice ${id} not found`, { code: 'voice_not_found', param });
  return id;
}

function checkAvatarId(ctx: EmulatorContext, id: unknown, param: string): string {
  if (typeof id !== 'string' || !id) throw bad(`${param} is required`, param);
  if (!findLook(id) && !ctx.acceptUnknownIds) throw new HttpError(404, `Avatar ${id} not found`, { code: 'avatar_not_found', param });
  return id;
}

function legacyJob(ctx: EmulatorContext, rc: RouteContext, api: 'webm' | 'generate', body: Body, scenes: RenderScene[], size: { width: number; height: number }): VideoJob {
  return {
    id: newId(),
    api,
    title: typeof body.title === 'string' ? body.title : undefined,
    status: 'waiting',
    createdAt: Date.now(),
    outputFormat: api === 'webm' ? 'webm' : 'mp4',
    width: size.width,
    height: size.height,
    scenes,
    caption: body.caption === true,
    callbackUrl: typeof body.callback_url === 'string' ? body.callback_url : undefined,
    callbackId: typeof body.callback_id === 'string' ? body.callback_id : undefined,
    idempotencyKey: rc.header('idempotency-key'),
    request: body,
  };
}

function startJob(ctx: EmulatorContext, rc: RouteContext, job: VideoJob): { data: { video_id: string } } {
  if (ctx.state.quotaCredits <= 0) throw new HttpError(402, 'Insufficient credit: your remaining quota is exhausted', { code: 'insufficient_credit' });
  const fault = ctx.faults.take('POST', rc.path, ['stuck', 'fail']);
  if (fault?.type === 'stuck' || fault?.type === 'fail') job.fault = fault;
  ctx.createVideo(job);
  return { data: { video_id: job.id } };
}

async function generateScenes(ctx: EmulatorContext, body: Body, size: { width: number; height: number }): Promise<RenderScene[]> {
  const inputs = body.video_inputs;
  if (!Array.isArray(inputs) || inputs.length < 1 || inputs.length > 50) throw bad('video_inputs must have 1 to 50 items', 'video_inputs');
  const scenes: RenderScene[] = [];
  for (const [i, raw] of inputs.entries()) {
    const p = `video_inputs[${i}]`;
    const input = obj(raw);
    const character = obj(input?.character);
    const voice = obj(input?.voice);
    if (!character) throw bad(`${p}.character is required`, `${p}.character`);
    if (!voice) throw bad(`${p}.voice is required`, `${p}.voice`);
    let avatarId: string;
    let photo: Buffer | undefined;
    let defaultVoice: string | undefined;
    if (character.type === 'avatar') {
      avatarId = checkAvatarId(ctx, character.avatar_id, `${p}.character.avatar_id`);
      defaultVoice = findLook(avatarId)?.default_voice_id;
      if (character.avatar_style !== undefined && !['normal', 'closeUp', 'circle'].includes(character.avatar_style as string)) throw bad('avatar_style must be normal, closeUp or circle', `${p}.character.avatar_style`);
    } else if (character.type === 'talking_photo') {
      if (typeof character.talking_photo_id !== 'string') throw bad('talking_photo_id is required', `${p}.character.talking_photo_id`);
      avatarId = character.talking_photo_id;
      photo = await assetBytes(ctx, character.talking_photo_id, 'image', `${p}.character.talking_photo_id`);
    } else throw bad('character.type must be avatar or talking_photo', `${p}.character.type`);
    if (character.circle_background_color !== undefined && (typeof character.circle_background_color !== 'string' || !HEX.test(character.circle_background_color))) throw bad('circle_background_color must be a hex color like #FFFFFF', `${p}.character.circle_background_color`);

    let speech: RenderScene['clip']['speech'];
    if (voice.type === 'text') {
      if (typeof voice.input_text !== 'string' || !voice.input_text || voice.input_text.length >= 5000) throw bad('input_text must be 1-4999 characters', `${p}.voice.input_text`);
      const voiceId = checkVoiceId(ctx, voice.voice_id ?? defaultVoice, `${p}.voice.voice_id`);
      if (voice.speed !== undefined && (typeof voice.speed !== 'number' || voice.speed < 0.5 || voice.speed > 1.5)) throw bad('speed must be between 0.5 and 1.5', `${p}.voice.speed`);
      speech = { text: voice.input_text, voiceId, speed: voice.speed as number | undefined, locale: speechLocale(voiceId, typeof voice.locale === 'string' ? voice.locale : undefined) };
    } else if (voice.type === 'audio') {
      const hasUrl = typeof voice.audio_url === 'string';
      const hasAsset = typeof voice.audio_asset_id === 'string';
      if (hasUrl === hasAsset) throw bad('Exactly one of audio_url or audio_asset_id is required', `${p}.voice`);
      const local = hasUrl ? /\/files\/assets\/([^/]+)\//.exec(voice.audio_url as string)?.[1] : (voice.audio_asset_id as string);
      if (!local) throw new HttpError(400, `Failed to download ${String(voice.audio_url)}: the emulator reaches no other host`, { code: 'download_failed', param: `${p}.voice.audio_url` });
      speech = { audio: await assetBytes(ctx, local, 'audio', `${p}.voice`) };
    } else if (voice.type === 'silence') {
      const duration = voice.duration;
      if (typeof duration !== 'number' || duration < 1 || duration > 100) throw bad('silence duration must be 1-100 seconds', `${p}.voice.duration`);
      speech = { audio: silenceWav(duration) };
    } else throw bad('voice.type must be text, audio or silence', `${p}.voice.type`);

    const background = input?.background === undefined ? undefined : obj(input.background);
    if (input?.background !== undefined) {
      if (!background) throw bad('background must be an object', `${p}.background`);
      if (background.type === 'color') {
        if (typeof background.value !== 'string' || !HEX.test(background.value)) throw bad('background.value must be a hex color', `${p}.background.value`);
      } else if (background.type === 'image' || background.type === 'video') {
        const idField = background.type === 'image' ? 'image_asset_id' : 'video_asset_id';
        if ((typeof background.url === 'string') === (typeof background[idField] === 'string')) throw bad(`Exactly one of url or ${idField} is required`, `${p}.background`);
      } else throw bad('background.type must be color, image or video', `${p}.background.type`);
    }
    scenes.push({ clip: { width: size.width, height: size.height, fps: 25, avatarId, photo, speech } });
  }
  return scenes;
}

function legacyStatus(ctx: EmulatorContext, job: VideoJob): Record<string, unknown> {
  const urls = videoUrls(ctx, job);
  const failed = job.status === 'failed';
  return {
    id: job.id,
    status: job.status,
    created_at: Math.floor(job.createdAt / 1000),
    callback_id: job.callbackId ?? null,
    duration: job.status === 'completed' ? (job.durationSec ?? null) : null,
    video_url: urls.videoUrl,
    thumbnail_url: null,
    gif_url: null,
    caption_url: job.caption ? urls.subtitleUrl : null,
    video_url_caption: null,
    error: failed ? { code: 40119, message: job.failure?.code ?? 'rendering_failed', detail: job.failure?.message ?? 'Render failed' } : null,
  };
}

/** The legacy v1/v2 routes the seed documents describe, with their own envelopes. */
export function registerLegacyRoutes(router: Router, ctx: EmulatorContext): void {
  router.add('POST', '/v1/asset', async (rc) => {
    const type = (rc.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type === 'application/json') {
      const body = await rc.json<{ content_type?: unknown }>();
      if (typeof body.content_type !== 'string' || !RAW_TYPES.includes(body.content_type)) throw bad(`content_type must be one of ${RAW_TYPES.join(', ')}`, 'content_type');
      const asset = await createAsset(ctx, { filename: `asset.${extensionFor(body.content_type)}`, mimeType: body.content_type });
      const url = ctx.signer.sign(ctx.baseUrl(), `/files/assets/${asset.id}/asset.${extensionFor(body.content_type)}`);
      return { data: { url, asset_id: asset.id }, envelope: 'v2' };
    }
    if (!RAW_TYPES.includes(type)) throw bad(`Content-Type must be one of ${RAW_TYPES.join(', ')}`, 'Content-Type');
    const bytes = await rc.body();
    if (bytes.length === 0) throw bad('asset data must be provided', 'body');
    const sniffed = sniffMime(bytes);
    if (sniffed && sniffed !== type) throw bad(`The body is ${sniffed}, not ${type}`, 'Content-Type');
    const asset = await createAsset(ctx, { filename: `asset.${extensionFor(type)}`, mimeType: type, bytes });
    const fileType = type.split('/')[0];
    return {
      data: {
        id: asset.id,
        name: asset.id,
        file_type: fileType,
        folder_id: '',
        meta: null,
        created_ts: Math.floor(asset.createdAt / 1000),
        url: assetUrl(ctx, asset),
        image_key: fileType === 'image' ? `image/${asset.id}/original.${extensionFor(type)}` : null,
      },
    };
  });
  router.add('PUT', '/files/assets/:id/:name', (rc) => {
    const asset = ctx.state.assets.get(rc.params.id ?? '');
    return receiveSignedPut(ctx, rc, asset, asset ? { 'content-type': asset.mimeType } : {}).then(() => {
      if (asset?.status === 'uploaded') asset.status = 'ready';
    });
  }, { auth: false });

  router.add(
    'POST',
    '/v1/video.webm',
    async (rc) => {
      const body = await rc.json<Body>();
      const avatarId = checkAvatarId(ctx, body.avatar_pose_id, 'avatar_pose_id');
      const style = body.avatar_style ?? 'normal';
      if (style !== 'normal' && style !== 'closeUp') throw bad('avatar_style must be normal or closeUp', 'avatar_style');
      const text = typeof body.input_text === 'string' && body.input_text.length > 0;
      const audio = typeof body.input_audio === 'string' && body.input_audio.length > 0;
      if (text === audio) throw bad('Exactly one of input_text (with voice_id) or input_audio is required', 'input_text');
      const size = dimensionOf(body.dimension, { width: 1280, height: 720 });
      let speech: RenderScene['clip']['speech'];
      if (text) {
        if ((body.input_text as string).length >= 5000) throw bad('input_text must be under 5000 characters', 'input_text');
        speech = { text: body.input_text as string, voiceId: checkVoiceId(ctx, body.voice_id, 'voice_id') };
      } else speech = { audio: await assetBytes(ctx, body.input_audio as string, 'audio', 'input_audio') };
      const job = legacyJob(ctx, rc, 'webm', body, [{ clip: { width: size.width, height: size.height, fps: 25, avatarId, speech } }], size);
      return startJob(ctx, rc, job);
    },
    { idempotent: true },
  );

  router.add(
    'POST',
    '/v2/video/generate',
    async (rc) => {
      const body = await rc.json<Body>();
      if (body.callback_id !== undefined && body.callback_url === undefined) throw bad('callback_id requires callback_url', 'callback_id');
      if (body.caption !== undefined && typeof body.caption !== 'boolean') throw bad('caption must be a boolean', 'caption');
      const size = dimensionOf(body.dimension, { width: 1280, height: 720 });
      const scenes = await generateScenes(ctx, body, size);
      return startJob(ctx, rc, legacyJob(ctx, rc, 'generate', body, scenes, size));
    },
    { idempotent: true },
  );

  router.add('GET', '/v1/video_status.get', (rc) => {
    const id = rc.query.get('video_id');
    if (!id) throw bad('video_id is required', 'video_id');
    const job = ctx.state.videos.get(id);
    if (!job || job.deleted) throw new HttpError(404, `Video ${id} not found`, { code: 'video_not_found' });
    return { data: legacyStatus(ctx, job) };
  });

  router.add('GET', '/v1/video.list', (rc) => {
    const all = [...ctx.state.videos.values()].filter((j) => !j.deleted).sort((a, b) => b.createdAt - a.createdAt);
    const limit = Math.min(100, Math.max(1, Number(rc.query.get('limit') ?? 100) || 100));
    const start = Number(rc.query.get('token') ?? 0) || 0;
    const page = all.slice(start, start + limit);
    const videos = page.map((j) => ({ video_id: j.id, status: j.status === 'waiting' ? 'pending' : j.status, video_title: j.title ?? '', created_at: Math.floor(j.createdAt / 1000), type: 'GENERATED' }));
    return { data: { videos, token: start + limit < all.length ? String(start + limit) : null } };
  });

  router.add('GET', '/v2/avatars', () => ({
    data: {
      avatars: LOOKS.map((l) => ({ avatar_id: l.id, avatar_name: l.name, gender: l.gender, preview_image_url: l.preview_image_url, preview_video_url: l.preview_video_url, premium: false, type: null, tags: l.tags, default_voice_id: l.default_voice_id })),
      talking_photos: [...ctx.state.assets.values()].filter((a) => a.mimeType.startsWith('image/') && a.status !== 'pending_upload').map((a) => ({ talking_photo_id: a.id, talking_photo_name: a.filename, preview_image_url: assetUrl(ctx, a) })),
    },
  }));
  router.add('GET', '/v2/voices', () => ({
    data: { voices: VOICES.map((v) => ({ voice_id: v.voice_id, name: v.name, language: v.language, gender: v.gender, preview_audio: v.preview_audio_url ?? '', support_pause: v.support_pause, emotion_support: false, support_interactive_avatar: false })) },
  }));
  router.add('GET', '/v2/user/remaining_quota', () => {
    const units = Math.round(ctx.state.quotaCredits * 60);
    return { data: { remaining_quota: units, details: { api: units, streaming_avatar: 0, streaming_avatar_instance_quota: 0, seat: 1 } } };
  });
}
