import { describe, expect, it } from 'vitest';
import { overlayPlacement, readingPosition } from '../../../remotion/shared/overlay-placement';

const area = { x: 100, y: 50, width: 800, height: 400 };
const placed = (position: Parameters<typeof readingPosition>[0], rtl: boolean, mirror?: boolean) => overlayPlacement(readingPosition(position, rtl, mirror), area);

describe('overlays in right-to-left locales', () => {
  it('a left or right position is mirrored: drawn where the other side is drawn left-to-right', () => {
    expect(placed('top-left', true)).toEqual(placed('top-right', false));
    expect(placed('bottom-right', true)).toEqual(placed('bottom-left', false));
    expect(placed('top-left', true).textAlign).toBe('right');
    // Centred positions have no side to mirror.
    expect(placed('top', true)).toEqual(placed('top', false));
    expect(placed('center', true)).toEqual(placed('center', false));
  });

  it('left-to-right locales, and an overlay with "mirror": false, keep the position as written', () => {
    expect(placed('top-left', false).textAlign).toBe('left');
    expect(placed('top-left', true, false)).toEqual(placed('top-left', false));
    expect(placed('bottom-right', true, false).textAlign).toBe('right');
  });
});
