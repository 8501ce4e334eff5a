import type { Overlay } from '../../src/spec/video-spec';
import type { Rect } from './rect';

type Position = Overlay['position'];

/**
 * Where an overlay goes in this reading direction: right-to-left mirrors a left or right position (top-left ->
 * top-right), as the title and the presenter are mirrored, unless the overlay says `"mirror": false`.
 */
export function readingPosition(position: Position, rtl: boolean, mirror = true): Position {
  if (!rtl || !mirror) return position;
  if (position.endsWith('-left')) return position.replace(/-left$/, '-right') as Position;
  if (position.endsWith('-right')) return position.replace(/-right$/, '-left') as Position;
  return position;
}

/** The absolute placement of an overlay at `position` within `area` (its box's edge on the area's edge). */
export function overlayPlacement(position: Position, area: Rect): React.CSSProperties {
  const v = position.startsWith('top') ? { top: area.y } : position.startsWith('bottom') ? { top: area.y + area.height, transform: 'translateY(-100%)' } : { top: area.y + area.height / 2, transform: 'translateY(-50%)' };
  const h = position.endsWith('left') ? { left: area.x, width: area.width, textAlign: 'left' as const } : position.endsWith('right') ? { left: area.x, width: area.width, textAlign: 'right' as const } : { left: area.x, width: area.width, textAlign: 'center' as const };
  return { position: 'absolute', ...h, ...v };
}
