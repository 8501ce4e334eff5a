import { z } from 'zod';

export const avatarGroupSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  gender: z.string().nullish(),
  preview_image_url: z.string().nullish(),
  preview_video_url: z.string().nullish(),
  looks_count: z.number().int().nullish(),
  default_voice_id: z.string().nullish(),
  created_at: z.number().nullish(),
  status: z.string().nullish(),
  consent_status: z.string().nullish(),
  error: z.looseObject({ code: z.string(), message: z.string() }).nullish(),
});
export type AvatarGroup = z.infer<typeof avatarGroupSchema>;

export const avatarLookSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  avatar_type: z.string(),
  group_id: z.string().nullish(),
  gender: z.string().nullish(),
  default_voice_id: z.string().nullish(),
  preview_image_url: z.string().nullish(),
  preview_video_url: z.string().nullish(),
  image_width: z.number().nullish(),
  image_height: z.number().nullish(),
  preferred_orientation: z.string().nullish(),
  supported_api_engines: z.array(z.string()).default([]),
  tags: z.array(z.string()).nullish(),
  status: z.string().nullish(),
  error: z.looseObject({ code: z.string(), message: z.string() }).nullish(),
});
export type AvatarLook = z.infer<typeof avatarLookSchema>;

export const voiceSchema = z.looseObject({
  voice_id: z.string().min(1),
  name: z.string(),
  gender: z.string().nullish(),
  language: z.string().nullish(),
  type: z.string().nullish(),
  support_pause: z.boolean().nullish(),
  support_locale: z.boolean().nullish(),
  preview_audio_url: z.string().nullish(),
});
export type Voice = z.infer<typeof voiceSchema>;

/** `GET /v3/voices/{id}`: the name may be missing ("only present when the voice record exists"). */
export const voiceDetailSchema = voiceSchema.extend({ name: z.string().nullish() });
export type VoiceDetail = z.infer<typeof voiceDetailSchema>;

export const speechSchema = z.looseObject({
  audio_url: z.string().min(1),
  duration: z.number().nonnegative(),
  request_id: z.string().nullish(),
  word_timestamps: z.array(z.looseObject({ word: z.string(), start: z.number(), end: z.number() })).nullish(),
});

const creditPool = z.looseObject({ remaining: z.number().nullish(), resets_at: z.string().nullish() }).nullish();

/** `GET /v3/users/me`: exactly one of wallet / subscription / usage_based is set, as `billing_type` says. */
export const userSchema = z.looseObject({
  username: z.string().nullish(),
  email: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  billing_type: z.string().nullish(),
  wallet: z
    .looseObject({
      remaining_balance: z.number().nullish(),
      currency: z.string(),
      auto_reload: z.looseObject({ enabled: z.boolean().nullish(), amount_usd: z.number().nullish(), threshold_usd: z.number().nullish() }).nullish(),
    })
    .nullish(),
  subscription: z.looseObject({ plan: z.string().nullish(), credits: z.looseObject({ premium_credits: creditPool, add_on_credits: creditPool }).nullish() }).nullish(),
  usage_based: z
    .looseObject({ included_credits: z.number().nullish(), remaining_credits: z.number().nullish(), spending_cap_usd: z.number().nullish(), spending_current_usd: z.number().nullish() })
    .nullish(),
});
export type User = z.infer<typeof userSchema>;

export const legacyAvatarsSchema = z.looseObject({
  avatars: z.array(
    z.looseObject({
      avatar_id: z.string().min(1),
      avatar_name: z.string(),
      gender: z.string().nullish(),
      preview_image_url: z.string().nullish(),
      preview_video_url: z.string().nullish(),
      premium: z.boolean().nullish(),
      type: z.string().nullish(),
      tags: z.array(z.string()).nullish(),
      default_voice_id: z.string().nullish(),
    }),
  ),
  talking_photos: z.array(z.looseObject({ talking_photo_id: z.string(), talking_photo_name: z.string().nullish(), preview_image_url: z.string().nullish() })).default([]),
});

export const legacyVoicesSchema = z.looseObject({
  voices: z.array(
    z.looseObject({
      voice_id: z.string().min(1),
      name: z.string(),
      language: z.string().nullish(),
      gender: z.string().nullish(),
      preview_audio: z.string().nullish(),
      support_pause: z.boolean().nullish(),
      emotion_support: z.boolean().nullish(),
    }),
  ),
});

export const remainingQuotaSchema = z.looseObject({ remaining_quota: z.number(), details: z.record(z.string(), z.unknown()).nullish() });

export const createdAvatarSchema = z.looseObject({ avatar_item: avatarLookSchema.nullish(), avatar_group: avatarGroupSchema.nullish() });
export const avatarConsentSchema = z.looseObject({ avatar_group: avatarGroupSchema, url: z.string().nullish() });
