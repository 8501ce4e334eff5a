/** The emulator's Video Agent styles: the title card's colour follows the style. */
export const AGENT_STYLES = [
  { style_id: 'style_clean_corporate', name: 'Clean corporate', aspect_ratio: '16:9', tags: ['corporate', 'minimal'], hue: 215 },
  { style_id: 'style_retro_tech', name: 'Retro tech', aspect_ratio: '16:9', tags: ['retro-tech'], hue: 285 },
  { style_id: 'style_cinematic', name: 'Cinematic', aspect_ratio: '16:9', tags: ['cinematic'], hue: 20 },
] as const;

export function styleOut(s: (typeof AGENT_STYLES)[number]): Record<string, unknown> {
  return { style_id: s.style_id, name: s.name, aspect_ratio: s.aspect_ratio, tags: [...s.tags], thumbnail_url: null, preview_video_url: null };
}
