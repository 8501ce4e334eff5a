import { z } from 'zod';

export type AssetInput = { type: 'url'; url: string } | { type: 'asset_id'; asset_id: string } | { type: 'base64'; media_type: string; data: string };

export interface VoiceSettings {
  speed?: number;
  pitch?: number;
  volume?: number;
  locale?: string;
  engine_settings?:
    | { engine_type: 'elevenlabs'; model?: string; stability?: number; similarity_boost?: number; style?: number; use_speaker_boost?: boolean }
    | { engine_type: 'fish'; model?: 's1' | 's2-pro'; stability?: number; similarity?: number }
    | { engine_type: 'starfish' };
}

export type Resolution = '4k' | '1080p' | '720p';
export type AspectRatio = '16:9' | '9:16' | '4:5' | '5:4' | '1:1' | 'auto';

interface CreateVideoCommon {
  script?: string | null;
  voice_id?: string | null;
  audio_url?: string | null;
  audio_asset_id?: string | null;
  title?: string | null;
  resolution?: Resolution | null;
  aspect_ratio?: AspectRatio | null;
  fit?: 'contain' | 'cover' | null;
  background?: { type: 'color'; value: string } | { type: 'image'; url?: string; asset_id?: string } | null;
  remove_background?: boolean | null;
  output_format?: 'mp4' | 'webm' | null;
  caption?: { file_format?: 'srt'; style?: 'default' | null } | null;
  motion_prompt?: string | null;
  expressiveness?: 'high' | 'medium' | 'low' | null;
  voice_settings?: VoiceSettings | null;
  watermark?: {
    image: AssetInput;
    scale?: number;
    opacity?: number;
    placement?: { position?: 'top_left' | 'top_right' | 'bottom_left' | 'bottom_right'; offset_x?: number; offset_y?: number };
  } | null;
  callback_url?: string | null;
  callback_id?: string | null;
}

export interface CreateVideoFromAvatar extends CreateVideoCommon {
  type: 'avatar';
  avatar_id: string;
  engine?: { type: 'avatar_iv' } | { type: 'avatar_v'; reference_look_id?: string } | { type: 'avatar_iii' } | null;
}

export interface CreateVideoFromImage extends CreateVideoCommon {
  type: 'image';
  image: AssetInput;
}

/** The two arms of `POST /v3/videos` an avatar clip uses (cinematic and studio arms are not needed here). */
export type CreateVideoV3Body = CreateVideoFromAvatar | CreateVideoFromImage;

export const createVideoResponseSchema = z.looseObject({
  video_id: z.string().min(1),
  status: z.string().default('waiting'),
  output_format: z.string().nullish(),
});
export type CreateVideoResponse = z.infer<typeof createVideoResponseSchema>;

export const videoDetailSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  title: z.string().nullish(),
  created_at: z.number().nullish(),
  completed_at: z.number().nullish(),
  duration: z.number().nullish(),
  video_url: z.string().nullish(),
  captioned_video_url: z.string().nullish(),
  subtitle_url: z.string().nullish(),
  thumbnail_url: z.string().nullish(),
  gif_url: z.string().nullish(),
  video_page_url: z.string().nullish(),
  folder_id: z.string().nullish(),
  output_language: z.string().nullish(),
  failure_code: z.string().nullish(),
  failure_message: z.string().nullish(),
});
export type VideoDetail = z.infer<typeof videoDetailSchema>;

export const deleteVideoResponseSchema = z.looseObject({ id: z.string(), deleted: z.boolean().optional() });
