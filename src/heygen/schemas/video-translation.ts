import { z } from 'zod';
import type { UrlOrAsset } from './lipsync';

export interface CreateTranslationBody {
  video: UrlOrAsset;
  output_languages: string[];
  title?: string | null;
  input_language?: string | null;
  srt?: UrlOrAsset | null;
  srt_role?: 'input' | 'output' | null;
  mode?: 'speed' | 'precision';
  enable_caption?: boolean;
  callback_url?: string | null;
  callback_id?: string | null;
}

/** A proofread takes the translation's source fields; its title is required. */
export type CreateProofreadBody = Pick<CreateTranslationBody, 'video' | 'output_languages' | 'srt' | 'mode'> & { title: string };

export const translationsCreatedSchema = z.looseObject({ video_translation_ids: z.array(z.string().min(1)).min(1) });

/** What a translation and a proofread both answer: one language of one source video. */
const languageJobFields = {
  id: z.string().min(1),
  status: z.string(),
  title: z.string().nullish(),
  input_language: z.string().nullish(),
  output_language: z.string().nullish(),
  created_at: z.number().nullish(),
  failure_message: z.string().nullish(),
};

export const translationSchema = z.looseObject({
  ...languageJobFields,
  duration: z.number().nullish(),
  video_url: z.string().nullish(),
  audio_url: z.string().nullish(),
  srt_caption_url: z.string().nullish(),
  vtt_caption_url: z.string().nullish(),
  callback_id: z.string().nullish(),
});
export type Translation = z.infer<typeof translationSchema>;

export const languagesSchema = z.looseObject({ languages: z.array(z.string()) });

export const proofreadsCreatedSchema = z.looseObject({ proofread_ids: z.array(z.string().min(1)).min(1), status: z.string() });
export const proofreadSchema = z.looseObject({ ...languageJobFields, submitted_for_review: z.boolean().nullish() });
export type Proofread = z.infer<typeof proofreadSchema>;
export const proofreadSrtSchema = z.looseObject({ srt_url: z.string().min(1), original_srt_url: z.string().nullish() });
export const proofreadGenerateSchema = z.looseObject({ video_translation_id: z.string().min(1), status: z.string() });
