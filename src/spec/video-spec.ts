import { zColor } from '@remotion/zod-types';
import { z } from 'zod';
import { formatIdSchema } from './formats';
import { pauseProblem } from './script-pauses';
import { localeFieldsSchema } from './locales';
import { FRAMINGS, TEMPLATE_IDS, TEMPLATES } from './templates';

/** A file under public/, written as the path below it ("assets/logo.png"), so staticFile() serves it as is. */
export const mediaPathSchema = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !/^[a-zA-Z]:[\\/]/.test(p) && !p.split(/[\\/]/).includes('..'), {
    message: 'use a path inside public/ written relative to it, e.g. "assets/photo.jpg" (no absolute paths, no "..")',
  })
  .describe('A file under public/, e.g. "assets/photo.jpg"');

const datum = z.object({ label: z.string().min(1), value: z.number() });

/** Amounts in a currency are written by the locale: "$1,234.50" in en-US, "1.234,50 $" in de-DE. */
const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'use an ISO 4217 currency code such as "USD", "EUR" or "JPY"')
  .optional()
  .describe('ISO 4217 code, e.g. "EUR": values are amounts, written with the locale\'s symbol and its placement');

export const barGraphicSchema = z.object({
  type: z.literal('bar'),
  unit: z.string().optional().describe('Suffix after each value, e.g. "%"'),
  currency: currencySchema,
  data: z.array(datum).min(1).max(24),
});

export const lineGraphicSchema = z.object({
  type: z.literal('line'),
  unit: z.string().optional(),
  currency: currencySchema,
  data: z.array(datum).min(2).max(120),
});

export const kpiGraphicSchema = z.object({
  type: z.literal('kpi'),
  items: z
    .array(
      z.object({
        label: z.string().min(1),
        value: z.number(),
        prefix: z.string().optional().describe('e.g. "$" (better: "currency", which follows the locale)'),
        currency: currencySchema,
        unit: z.string().optional().describe('e.g. "%"'),
        delta: z.number().optional().describe('Change shown as ▲/▼, in the same unit'),
      }),
    )
    .min(1)
    .max(4),
});

export const bulletsGraphicSchema = z.object({
  type: z.literal('bullets'),
  items: z.array(z.string().min(1)).min(1).max(6),
});

export const imageGraphicSchema = z.object({
  type: z.literal('image'),
  src: mediaPathSchema,
  pan: z.enum(['none', 'zoom-in', 'zoom-out', 'left', 'right', 'up', 'down']).default('zoom-in'),
  caption: z.string().optional(),
});

export const quoteGraphicSchema = z.object({
  type: z.literal('quote'),
  text: z.string().min(1).max(400),
  author: z.string().optional(),
});

export const graphicSchema = z.discriminatedUnion('type', [
  barGraphicSchema,
  lineGraphicSchema,
  kpiGraphicSchema,
  bulletsGraphicSchema,
  imageGraphicSchema,
  quoteGraphicSchema,
]);

export const backgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('color'), color: zColor() }),
  z.object({ type: z.literal('gradient'), from: zColor(), to: zColor(), angle: z.number().min(0).max(360).default(135) }),
  z.object({ type: z.literal('image'), src: mediaPathSchema }),
  z.object({ type: z.literal('video'), src: mediaPathSchema }),
]);

export const overlaySchema = z.object({
  text: z.string().min(1).max(200),
  position: z.enum(['top', 'center', 'bottom', 'top-left', 'top-right', 'bottom-left', 'bottom-right']).default('top'),
  from: z.number().min(0).default(0).describe('Seconds from the start of the scene'),
  to: z.number().min(0).optional().describe('Seconds from the start of the scene; default: the end of the scene'),
  style: z.enum(['label', 'headline']).default('label'),
  mirror: z.boolean().optional().describe('Right-to-left locales mirror a left/right position (top-left is drawn top-right); false keeps it as written'),
});

/** A template's image variable: a file under public/ (uploaded once, by its bytes) or an https URL HeyGen fetches. */
export const templateImageSchema = z
  .object({
    image: z
      .string()
      .min(1)
      .refine((v) => (/^[a-z][a-z0-9+.-]*:/i.test(v) ? /^https?:\/\/[^\s/]+/i.test(v) : !v.startsWith('/') && !v.split(/[\\/]/).includes('..')), {
        message: 'use an http(s) URL, or a path inside public/ written relative to it, e.g. "brand/logo.png" (no absolute paths, no "..")',
      }),
  })
  .strict();

/** True when a template image names a URL rather than a file under public/. */
export const isImageUrl = (image: string): boolean => /^https?:\/\//i.test(image);

/** A full-frame scene whose video HeyGen makes: from a template (its variables filled like any string), Video Agent, or a lipsync of your footage. */
export const sceneVideoSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('template'),
    template: z.string().min(1).describe('HeyGen template id (`npm run heygen -- templates`)'),
    variables: z
      .record(z.string(), z.union([z.string(), templateImageSchema]))
      .default({})
      .describe('Variables by name (`npm run heygen -- template <id>` lists them): text as a string, an image as {"image": "brand/logo.png" or "https://..."}'),
  }),
  z.object({
    type: z.literal('agent'),
    prompt: z.string().min(1).max(10_000).describe('What Video Agent should make'),
    style: z.string().min(1).optional().describe('A style id (`npm run heygen -- agent styles`)'),
  }),
  z.object({
    type: z.literal('lipsync'),
    footage: mediaPathSchema.describe('Your own video (MP4/WebM under public/) whose speaker HeyGen makes say `audio`'),
    audio: mediaPathSchema.describe('The new voice (WAV/MP3 under public/); the lipsynced video is as long as the footage'),
  }),
]);

export const sceneSchema = z
  .object({
    title: z.string().min(1).max(120),
    script: z
      .string()
      .min(1)
      .max(5000)
      .regex(/\S/, 'is only spaces; write what the presenter says')
      .superRefine((text, ctx) => {
        const problem = pauseProblem(text);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional().describe('What the presenter says. HeyGen pauses: <break time="1s"/>'),
    audio: mediaPathSchema.optional().describe('A recorded voice (WAV/MP3 under public/) to lip-sync instead of a script'),
    graphic: graphicSchema.optional(),
    overlays: z.array(overlaySchema).max(10).optional(),
    background: backgroundSchema.optional().describe("Overrides the video's background for this scene"),
    video: sceneVideoSchema.optional().describe('A full-frame scene made by HeyGen (template, Video Agent or lipsync of your footage) instead of the presenter over graphics'),
  })
  .refine((s) => (s.video ? s.script === undefined && s.audio === undefined : (s.script === undefined) !== (s.audio === undefined)), {
    message: 'give the scene exactly one of "script" (text to speak), "audio" (a recorded voice file) or "video" (a template, Video Agent or lipsync scene)',
  });

export const avatarSchema = z
  .object({
    id: z.string().min(1).optional().describe('HeyGen avatar look id (`npm run heygen -- avatars`)'),
    photo: mediaPathSchema.optional().describe('A photo (PNG/JPEG under public/) to animate instead of an avatar'),
    persistent: z
      .boolean()
      .optional()
      .describe('With "photo": make it a HeyGen photo avatar once (per photo and account) and reuse it for every clip of every spec'),
  })
  .refine((a) => (a.id === undefined) !== (a.photo === undefined), {
    message: 'give exactly one of "id" (a HeyGen avatar look) or "photo" (a picture under public/)',
  })
  .refine((a) => !a.persistent || a.photo !== undefined, {
    message: '"persistent" applies to a "photo" avatar only; remove it or give "photo" instead of "id"',
    path: ['persistent'],
  });

export const voiceSchema = z.object({
  id: z.string().min(1).describe('HeyGen voice id (`npm run heygen -- voices`)'),
  speed: z.number().min(0.5).max(1.5).default(1),
  pitch: z.number().min(-50).max(50).optional().describe('Semitones'),
  locale: z.string().optional().describe('e.g. "en-US"'),
});

export const themeSchema = z.object({
  primary: zColor().default('#38bdf8'),
  accent: zColor().default('#f59e0b'),
  text: zColor().default('#f8fafc'),
  muted: zColor().default('#94a3b8'),
  font: z.enum(['Inter', 'system']).default('Inter'),
  logo: mediaPathSchema.optional(),
});

export const presenterSchema = z.object({
  framing: z
    .enum(FRAMINGS)
    .optional()
    .describe(`Default: the template's (${TEMPLATE_IDS.map((t) => `${t}: ${TEMPLATES[t].defaultFraming}`).join(', ')})`),
  side: z.enum(['left', 'right']).default('right'),
  name: z.string().min(1).max(60).optional().describe('Shown in the lower third'),
  role: z.string().max(80).optional().describe('Shown under the name in the lower third'),
});

export const musicSchema = z.object({
  src: mediaPathSchema,
  volume: z.number().min(0).max(1).default(0.25),
  duckTo: z.number().min(0).max(1).default(0.3).describe('Volume factor while the presenter speaks'),
});

export const videoSpecSchema = z.object({
  $schema: z.string().optional(),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes, e.g. "q3-report"')
    .describe('Names the output file: out/<id>.mp4'),
  title: z.string().optional(),
  ...localeFieldsSchema,
  template: z
    .enum(TEMPLATE_IDS)
    .optional()
    .describe(`Default: follows the format (${TEMPLATE_IDS.map((t) => `${TEMPLATES[t].aspects.join(' and ')} ${t}`).join(', ')})`),
  format: formatIdSchema.default('landscape-1080p'),
  avatar: avatarSchema,
  voice: voiceSchema,
  presenter: presenterSchema.default({ side: 'right' }),
  captions: z.boolean().default(true),
  background: backgroundSchema.default({ type: 'gradient', from: '#0f172a', to: '#1e293b', angle: 135 }),
  theme: themeSchema.default({ primary: '#38bdf8', accent: '#f59e0b', text: '#f8fafc', muted: '#94a3b8', font: 'Inter' }),
  music: musicSchema.optional(),
  scenes: z.array(sceneSchema).min(1).max(50),
});

export type VideoSpec = z.output<typeof videoSpecSchema>;
export type VideoSpecInput = z.input<typeof videoSpecSchema>;
export type Scene = z.output<typeof sceneSchema>;
export type Graphic = z.output<typeof graphicSchema>;
export type Background = z.output<typeof backgroundSchema>;
export type Overlay = z.output<typeof overlaySchema>;
export type Theme = z.output<typeof themeSchema>;

/** The files a spec refers to (paths under public/), for hashing, uploading and checking they exist. */
/**
 * What a referenced file must be: `photo` and `voice` go to HeyGen (PNG/JPEG, WAV/MP3), the others to the browser.
 */
export type MediaKind = 'photo' | 'voice' | 'image' | 'audio' | 'video';

export function referencedFiles(spec: VideoSpec): { path: string; jsonPath: string; kind: MediaKind }[] {
  const out: { path: string; jsonPath: string; kind: MediaKind }[] = [];
  const bg = (b: Background | undefined, jsonPath: string) => {
    if (b?.type === 'image' || b?.type === 'video') out.push({ path: b.src, jsonPath, kind: b.type });
  };
  if (spec.avatar.photo) out.push({ path: spec.avatar.photo, jsonPath: '$.avatar.photo', kind: 'photo' });
  if (spec.theme.logo) out.push({ path: spec.theme.logo, jsonPath: '$.theme.logo', kind: 'image' });
  if (spec.music) out.push({ path: spec.music.src, jsonPath: '$.music.src', kind: 'audio' });
  bg(spec.background, '$.background.src');
  spec.scenes.forEach((s, i) => {
    if (s.audio) out.push({ path: s.audio, jsonPath: `$.scenes[${i}].audio`, kind: 'voice' });
    if (s.video?.type === 'template') {
      for (const [name, v] of Object.entries(s.video.variables)) {
        if (typeof v !== 'string' && !isImageUrl(v.image)) out.push({ path: v.image, jsonPath: `$.scenes[${i}].video.variables.${name}.image`, kind: 'photo' });
      }
    }
    if (s.video?.type === 'lipsync') {
      out.push({ path: s.video.footage, jsonPath: `$.scenes[${i}].video.footage`, kind: 'video' });
      out.push({ path: s.video.audio, jsonPath: `$.scenes[${i}].video.audio`, kind: 'voice' });
    }
    if (s.graphic?.type === 'image') out.push({ path: s.graphic.src, jsonPath: `$.scenes[${i}].graphic.src`, kind: 'image' });
    bg(s.background, `$.scenes[${i}].background.src`);
  });
  return out;
}
