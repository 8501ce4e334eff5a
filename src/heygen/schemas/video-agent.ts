import { z } from 'zod';
import type { AssetInput } from './video';

export interface CreateVideoAgentBody {
  prompt: string;
  mode?: 'generate' | 'chat';
  avatar_id?: string | null;
  voice_id?: string | null;
  style_id?: string | null;
  orientation?: 'landscape' | 'portrait' | null;
  files?: AssetInput[] | null;
  brand_kit_id?: string | null;
  incognito_mode?: boolean;
  callback_url?: string | null;
  callback_id?: string | null;
}

export const agentSessionCreatedSchema = z.looseObject({
  session_id: z.string().min(1),
  status: z.string(),
  video_id: z.string().nullish(),
  created_at: z.number().int(),
});

export const agentSessionSchema = z.looseObject({
  session_id: z.string().min(1),
  status: z.string(),
  progress: z.number().nullish(),
  title: z.string().nullish(),
  video_id: z.string().nullish(),
  created_at: z.number().int(),
  messages: z.array(z.looseObject({ role: z.string(), content: z.string(), type: z.string(), created_at: z.number().nullish(), resource_ids: z.array(z.string()).nullish() })).nullish(),
});
export type AgentSession = z.infer<typeof agentSessionSchema>;

export const agentSessionItemSchema = z.looseObject({ session_id: z.string().min(1), title: z.string().nullish(), created_at: z.number().int() });

export const agentStyleSchema = z.looseObject({
  style_id: z.string().min(1),
  name: z.string(),
  aspect_ratio: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  thumbnail_url: z.string().nullish(),
  preview_video_url: z.string().nullish(),
});
export type AgentStyle = z.infer<typeof agentStyleSchema>;
