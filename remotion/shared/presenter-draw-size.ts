import { FORMAT_IDS, formatPreset } from '../../src/spec/formats';
import { FRAMINGS, TEMPLATE_IDS } from '../../src/spec/templates';
import { computeLayout } from './layout';

/**
 * The largest size (CSS px at scale 1) any template draws a presenter clip of this aspect at, over every format,
 * framing and side: a clip larger than this only costs decoding time (see src/project/prepare-clip.ts).
 */
export function largestPresenterDraw(clipAspect: number): { width: number; height: number } {
  const known = drawn.get(clipAspect);
  if (known) return known;
  let width = 0;
  let height = 0;
  for (const template of TEMPLATE_IDS) {
    for (const format of FORMAT_IDS) {
      const { width: W, height: H } = formatPreset(format);
      for (const framing of FRAMINGS) {
        for (const side of ['left', 'right'] as const) {
          const { clip } = computeLayout({ template, width: W, height: H, framing, side, clipAspect, captions: true, logo: true }).presenter;
          width = Math.max(width, clip.width);
          height = Math.max(height, clip.height);
        }
      }
    }
  }
  drawn.set(clipAspect, { width, height });
  return { width, height };
}

/** A no-op prebuild asks once per stored clip: the ~200 layouts per aspect are worked out once. */
const drawn = new Map<number, { width: number; height: number }>();
