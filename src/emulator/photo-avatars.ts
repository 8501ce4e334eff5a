import type { EmulatorContext } from './emulator-context';
import type { PhotoAvatar } from './resource-records';

export type PhotoAvatarStatus = 'processing' | 'pending_consent' | 'failed' | 'completed';

/** Where a photo avatar stands now: training until `readyAt`, then refused, waiting for consent, or ready. */
export function photoAvatarStatus(p: PhotoAvatar, now = Date.now()): PhotoAvatarStatus {
  if (now < p.readyAt) return 'processing';
  if (p.error) return 'failed';
  if (p.needsConsent && !p.consentAt) return 'pending_consent';
  return 'completed';
}

export function consentUrl(ctx: EmulatorContext, p: PhotoAvatar): string {
  return `${ctx.baseUrl()}/consent/${p.groupId}`;
}

/** The look in `GET /v3/avatars/looks/{id}`'s shape. */
export function photoLookOut(ctx: EmulatorContext, p: PhotoAvatar): Record<string, unknown> {
  const status = photoAvatarStatus(p);
  return {
    id: p.lookId,
    name: p.name,
    avatar_type: 'photo_avatar',
    group_id: p.groupId,
    gender: null,
    default_voice_id: null,
    preview_image_url: `${ctx.baseUrl()}/files/photo-avatars/${p.lookId}.png`,
    preview_video_url: null,
    image_width: p.width,
    image_height: p.height,
    preferred_orientation: p.width > p.height ? 'landscape' : p.width < p.height ? 'portrait' : 'square',
    supported_api_engines: ['avatar_iv'],
    tags: ['photo'],
    status,
    error: status === 'failed' ? (p.error ?? null) : null,
  };
}

/** The group in `GET /v3/avatars/{group_id}`'s shape. */
export function photoGroupOut(ctx: EmulatorContext, p: PhotoAvatar): Record<string, unknown> {
  const status = photoAvatarStatus(p);
  return {
    id: p.groupId,
    name: p.name,
    gender: null,
    preview_image_url: `${ctx.baseUrl()}/files/photo-avatars/${p.lookId}.png`,
    preview_video_url: null,
    looks_count: 1,
    default_voice_id: null,
    created_at: Math.floor(p.createdAt / 1000),
    status,
    consent_status: p.needsConsent ? (p.consentAt ? 'approved' : 'pending') : null,
    error: status === 'failed' ? (p.error ?? null) : null,
  };
}

export function findPhotoAvatar(ctx: EmulatorContext, id: string): PhotoAvatar | undefined {
  for (const p of ctx.state.photoAvatars.values()) if (p.lookId === id || p.groupId === id) return p;
  return undefined;
}
