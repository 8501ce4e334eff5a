import { z } from 'zod';

export type UrlOrAsset = { type: 'url'; url: string } | { type: 'asset_id'; asset_id: string };

export interface CreateLipsyncBody {
  video: UrlOrAsset;
  audio: UrlOrAsset;
  title?: string | null;
  mode?: 'speed' | 'precision';
  enable_caption?: boolean;
  enable_dynamic_duration?: boolean;
  start_time?: number | null;
  end_time?: number | null;
  callback_url?: string | null;
  callback_id?: string | null;
}

export const lipsyncCreatedSchema = z.looseObject({ lipsync_id: z.string().min(1) });

export const lipsyncSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  title: z.string().nullish(),
  created_at: z.number().nullish(),
  duration: z.number().nullish(),
  video_url: z.string().nullish(),
  caption_url: z.string().nullish(),
  callback_id: z.string().nullish(),
  failure_message: z.string().nullish(),
});
export type Lipsync = z.infer<typeof lipsyncSchema>;
