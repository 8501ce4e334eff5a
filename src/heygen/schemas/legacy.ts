import { z } from 'zod';

export const legacyVideoIdSchema = z.looseObject({ video_id: z.string().min(1) });

export const legacyVideoStatusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  created_at: z.number().nullish(),
  callback_id: z.string().nullish(),
  duration: z.number().nullish(),
  video_url: z.string().nullish(),
  thumbnail_url: z.string().nullish(),
  gif_url: z.string().nullish(),
  caption_url: z.string().nullish(),
  video_url_caption: z.string().nullish(),
  error: z
    .union([z.looseObject({ code: z.union([z.number(), z.string()]).nullish(), message: z.string().nullish(), detail: z.string().nullish() }), z.string()])
    .nullish(),
});
export type LegacyVideoStatus = z.infer<typeof legacyVideoStatusSchema>;
