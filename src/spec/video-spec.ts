import { z } from 'zod';
import { formatIdSchema } from './formats';

export const chartDatumSchema = z.object({
  label: z.string().min(1).describe('Category label under the bar'),
  value: z.number().describe('Bar value'),
});

export const barChartSchema = z.object({
  type: z.literal('bar'),
  unit: z.string().optional().describe('Suffix shown after each value, e.g. "%" or " users"'),
  data: z.array(chartDatumSchema).min(1).max(24),
});

export const sceneSchema = z.object({
  title: z.string().min(1).max(120),
  script: z
    .string()
    .min(1)
    .max(5000)
    .describe('What the presenter says in this scene. HeyGen pauses: <break time="1s"/>'),
  chart: barChartSchema.optional(),
});

export const avatarSchema = z.object({
  id: z.string().min(1).describe('HeyGen avatar look id (`npm run heygen -- avatars` lists yours)'),
});

export const voiceSchema = z.object({
  id: z.string().min(1).describe('HeyGen voice id (`npm run heygen -- voices`)'),
  speed: z.number().min(0.5).max(1.5).default(1),
});

export const videoSpecSchema = z.object({
  $schema: z.string().optional(),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes, e.g. "q3-report"')
    .describe('Names the output file: out/<id>.mp4'),
  title: z.string().optional(),
  format: formatIdSchema.default('landscape-1080p'),
  avatar: avatarSchema,
  voice: voiceSchema,
  scenes: z.array(sceneSchema).min(1).max(50),
});

export type VideoSpec = z.output<typeof videoSpecSchema>;
export type VideoSpecInput = z.input<typeof videoSpecSchema>;
export type Scene = z.output<typeof sceneSchema>;
