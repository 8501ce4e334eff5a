import type { Transport } from './transport';
import type { ApiGeneration } from './config';
import type { AvatarClipRequest } from './avatar-clip-request';
import type { VideosResource } from './resources/videos';
import type { CreateVideoV3Body, VoiceSettings } from './schemas/video';
import { legacyVideoIdSchema } from './schemas/legacy';
import { clipDimensions } from './clip-dimensions';
import { ConfigurationError } from './errors';
import { parseData } from './parse-data';

function checkRequest(req: AvatarClipRequest): void {
  if (Boolean(req.avatarId) === Boolean(req.photoAssetId)) throw new ConfigurationError('An avatar clip needs exactly one of avatarId or photoAssetId');
  if (Boolean(req.script) === Boolean(req.audioAssetId)) throw new ConfigurationError('An avatar clip needs exactly one of script or audioAssetId');
}

/** HeyGen's `voice_settings` (speed, pitch, locale) for a spoken script; nothing when none is set. */
function voiceSettings(req: AvatarClipRequest): VoiceSettings | undefined {
  const settings: VoiceSettings = {};
  if (req.speed !== undefined) settings.speed = req.speed;
  if (req.pitch !== undefined) settings.pitch = req.pitch;
  if (req.locale !== undefined) settings.locale = req.locale;
  return Object.keys(settings).length ? settings : undefined;
}

/** The v3 body of a transparent clip: WebM output, no background (HeyGen rejects one with webm). */
export function avatarClipBodyV3(req: AvatarClipRequest): CreateVideoV3Body {
  checkRequest(req);
  const common = {
    script: req.script,
    voice_id: req.script ? req.voiceId : undefined,
    audio_asset_id: req.audioAssetId,
    title: req.title,
    resolution: req.resolution,
    aspect_ratio: req.aspectRatio,
    output_format: 'webm' as const,
    voice_settings: req.script ? voiceSettings(req) : undefined,
    callback_url: req.callbackUrl,
    callback_id: req.callbackId,
  };
  return req.photoAssetId
    ? { type: 'image', image: { type: 'asset_id', asset_id: req.photoAssetId }, ...common }
    : { type: 'avatar', avatar_id: req.avatarId as string, ...common };
}

/** The legacy `/v1/video.webm` body; it has no speed field and takes studio avatars only. */
export function avatarClipBodyLegacy(req: AvatarClipRequest): Record<string, unknown> {
  checkRequest(req);
  if (req.photoAssetId) throw new ConfigurationError('The legacy API makes transparent clips of studio avatars only (/v1/video.webm); use HEYGEN_API_GENERATION=v3 for a photo');
  return {
    avatar_pose_id: req.avatarId,
    avatar_style: 'normal',
    ...(req.script ? { input_text: req.script, voice_id: req.voiceId } : { input_audio: req.audioAssetId }),
    dimension: clipDimensions(req.resolution, req.aspectRatio),
    ...(req.title ? { title: req.title } : {}),
    ...(req.callbackUrl ? { callback_url: req.callbackUrl, callback_id: req.callbackId } : {}),
  };
}

/**
 * Creates one transparent avatar clip with the configured API generation. v3: the caller's key makes retries safe.
 * Legacy `/v1/video.webm` honours no Idempotency-Key, so none is sent and the create is never retried blind: the
 * caller identifies the attempt by its title and looks it up (src/jobs) before creating another.
 */
export async function createAvatarClip(
  transport: Transport,
  videos: VideosResource,
  generation: ApiGeneration,
  req: AvatarClipRequest,
  opts: { idempotencyKey?: string; signal?: AbortSignal },
): Promise<{ videoId: string }> {
  if (generation === 'v3') {
    if (!opts.idempotencyKey) throw new ConfigurationError('A v3 create needs an idempotency key');
    const created = await videos.create(avatarClipBodyV3(req), { ...opts, idempotencyKey: opts.idempotencyKey });
    return { videoId: created.video_id };
  }
  const res = await transport.request({
    method: 'POST',
    path: '/v1/video.webm',
    json: avatarClipBodyLegacy(req),
    kind: 'create',
    signal: opts.signal,
  });
  return { videoId: parseData(legacyVideoIdSchema, res, 'POST /v1/video.webm').video_id };
}
