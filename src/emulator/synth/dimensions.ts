export type Resolution = '720p' | '1080p' | '4k';
export type AspectRatio = '16:9' | '9:16' | '1:1' | '4:5' | '5:4';

const SHORT_EDGE: Record<Resolution, number> = { '720p': 720, '1080p': 1080, '4k': 2160 };

/** HeyGen v3 `resolution` × `aspect_ratio` to pixels: the short edge is 720/1080/2160, the long edge rounded to even. */
export function dimensionsFor(resolution: Resolution, aspect: AspectRatio): { width: number; height: number } {
  const short = SHORT_EDGE[resolution];
  if (short === undefined) throw new Error(`unknown resolution ${String(resolution)}`);
  const m = /^(\d+):(\d+)$/.exec(aspect);
  if (!m) throw new Error(`unknown aspect ratio ${String(aspect)}`);
  const a = Number(m[1]);
  const b = Number(m[2]);
  const long = 2 * Math.round((short * Math.max(a, b)) / Math.min(a, b) / 2);
  return a >= b ? { width: long, height: short } : { width: short, height: long };
}
