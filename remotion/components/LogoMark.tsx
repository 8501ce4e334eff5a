import { Img, staticFile } from 'remotion';
import type { Rect } from '../shared/rect';

/** The theme's logo in its corner for the whole video, from frame 0 (the poster frame). */
export const LogoMark: React.FC<{ src: string; box: Rect; alignRight: boolean }> = ({ src, box, alignRight }) => {
  return (
    <Img
      src={staticFile(src)}
      style={{ position: 'absolute', left: box.x, top: box.y, width: box.width, height: box.height, objectFit: 'contain', objectPosition: alignRight ? 'right center' : 'left center', opacity: 0.92 }}
    />
  );
};
