export type ClipResolution = '720p' | '1080p';
export type ClipAspectRatio = '16:9' | '9:16' | '1:1' | '4:5';

// The v3 rule (resolution anchors the short edge), so both generations make clips of one size.
const SHORT_EDGE: Record<ClipResolution, number> = { '720p': 720, '1080p': 1080 };

/** Pixel size of a clip for the legacy `dimension` field, matching what v3 derives from resolution × aspect_ratio. */
export function clipDimensions(resolution: ClipResolution, aspect: ClipAspectRatio): { width: number; height: number } {
  const short = SHORT_EDGE[resolution];
  const even = (n: number): number => Math.round(n / 2) * 2;
  if (aspect === '16:9') return { width: even((short * 16) / 9), height: short };
  if (aspect === '9:16') return { width: short, height: even((short * 16) / 9) };
  if (aspect === '1:1') return { width: short, height: short };
  return { width: short, height: even((short * 5) / 4) };
}
