import { z } from 'zod';

export type AspectRatio = '16:9' | '9:16' | '1:1' | '4:5';
export type Resolution = '720p' | '1080p';

export interface FormatPreset {
  id: FormatId;
  aspect: AspectRatio;
  resolution: Resolution;
  width: number;
  height: number;
  fps: number;
}

export const FORMAT_IDS = [
  'landscape-1080p',
  'landscape-720p',
  'portrait-1080p',
  'portrait-720p',
  'square-1080p',
  'square-720p',
  'feed-1080p',
  'feed-720p',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];
export const formatIdSchema = z.enum(FORMAT_IDS);

const ASPECT_OF: Record<string, AspectRatio> = { landscape: '16:9', portrait: '9:16', square: '1:1', feed: '4:5' };

/** HeyGen's rule for resolution × aspect_ratio: the short edge is 720 or 1080, the long edge follows the ratio. */
export function dimensionsOf(resolution: Resolution, aspect: AspectRatio): { width: number; height: number } {
  const short = resolution === '1080p' ? 1080 : 720;
  const [w, h] = aspect.split(':').map(Number) as [number, number];
  const even = (n: number) => Math.round(n / 2) * 2;
  return w >= h ? { width: even((short * w) / h), height: short } : { width: short, height: even((short * h) / w) };
}

export function formatPreset(id: FormatId): FormatPreset {
  const [kind, resolution] = id.split('-') as [string, Resolution];
  const aspect = ASPECT_OF[kind] as AspectRatio;
  return { id, aspect, resolution, ...dimensionsOf(resolution, aspect), fps: 30 };
}

/**
 * The presenter clip asked of HeyGen for a composition format: a square 720p clip for the corner
 * picture-in-picture of wide formats (a quarter of the pixels of a 1080p frame to decode per frame),
 * the composition's own aspect for tall ones where the presenter is large.
 */
export function presenterClipFormat(id: FormatId): { aspect: AspectRatio; resolution: Resolution; width: number; height: number } {
  const preset = formatPreset(id);
  const aspect: AspectRatio = preset.aspect === '16:9' ? '1:1' : preset.aspect;
  return { aspect, resolution: '720p', ...dimensionsOf('720p', aspect) };
}
