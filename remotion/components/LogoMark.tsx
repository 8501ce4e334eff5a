import { Img, staticFile, useCurrentFrame, useVideoConfig } from 'remotion';
import type { Rect } from '../shared/rect';
import { enter } from './motion';

/** The theme's logo in its corner for the whole video. */
export const LogoMark: React.FC<{ src: string; box: Rect; alignRight: boolean }> = ({ src, box, alignRight }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  return (
    <Img
      src={staticFile(src)}
      style={{ position: 'absolute', left: box.x, top: box.y, width: box.width, height: box.height, objectFit: 'contain', objectPosition: alignRight ? 'right center' : 'left center', opacity: 0.92 * enter(frame, fps, 4, 0.8) }}
    />
  );
};
