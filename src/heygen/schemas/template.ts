import { z } from 'zod';

export const templateItemSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  aspect_ratio: z.string().nullish(),
  thumbnail_url: z.string().nullish(),
  created_at: z.number().nullish(),
  updated_at: z.number().nullish(),
});
export type TemplateItem = z.infer<typeof templateItemSchema>;

export const templateDetailSchema = templateItemSchema.extend({
  scene_ids: z.array(z.string()).nullish(),
  scenes: z.array(z.looseObject({ scene_id: z.string(), script: z.string().nullish(), variables: z.array(z.looseObject({ name: z.string(), variable_type: z.string() })).nullish() })).nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
});
export type TemplateDetail = z.infer<typeof templateDetailSchema>;

/** A value for one template variable, in HeyGen's `{name, type, properties}` form. */
export type TemplateVariableValue =
  | { name: string; type: 'text'; properties: { content: string } }
  | { name: string; type: 'image'; properties: { url?: string; asset_id?: string; fit?: 'contain' | 'cover' | 'crop' | 'none' } }
  | { name: string; type: 'video'; properties: { url?: string; asset_id?: string; play_style?: string; fit?: string } }
  | { name: string; type: 'audio'; properties: { url?: string; asset_id?: string } }
  | { name: string; type: 'character'; properties: { character_id: string; type: 'avatar' | 'talking_photo' } }
  | { name: string; type: 'voice'; properties: { voice_id: string } };

export interface GenerateFromTemplateBody {
  variables: Record<string, TemplateVariableValue>;
  title?: string | null;
  dimension?: { width: number; height: number } | null;
  fps?: number;
  caption?: boolean;
  scene_ids?: string[] | null;
  callback_url?: string | null;
  callback_id?: string | null;
}
