import { Img, interpolate, staticFile, useCurrentFrame, useVideoConfig } from 'remotion';
import { enter, exit } from '../motion';
import type { GraphicFrameProps } from './types';

export type Pan = 'none' | 'zoom-in' | 'zoom-out' | 'left' | 'right' | 'up' | 'down';

/** Scale and shift (in % of the image) of a pan at progress t: slow Ken Burns moves that never show an edge. */
export function panTransform(pan: Pan, t: number): { scale: number; x: number; y: number } {
  const drift = 4;
  switch (pan) {
    case 'zoom-in':
      return { scale: 1 + 0.12 * t, x: 0, y: 0 };
    case 'zoom-out':
      return { scale: 1.12 - 0.12 * t, x: 0, y: 0 };
    case 'left':
      return { scale: 1.1, x: drift - 2 * drift * t, y: 0 };
    case 'right':
      return { scale: 1.1, x: -drift + 2 * drift * t, y: 0 };
    case 'up':
      return { scale: 1.1, x: 0, y: drift - 2 * drift * t };
    case 'down':
      return { scale: 1.1, x: 0, y: -drift + 2 * drift * t };
    default:
      return { scale: 1, x: 0, y: 0 };
  }
}

/** An image or screenshot in a rounded frame, panning over the whole scene, with an optional caption. */
export const ImagePan: React.FC<GraphicFrameProps & { src: string; pan: Pan; caption?: string }> = ({ src, pan, caption, width, height, theme, scale: u, enterAt, exitAt, exitFrames }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const captionSize = 28 * u;
  const captionH = caption ? captionSize * 2 : 0;
  const p = enter(frame, fps, enterAt, 0.8);
  const out = exit(frame, exitAt, exitFrames);
  const t = interpolate(frame, [enterAt, exitAt + exitFrames], [0, 1], { extrapolateLeft: 'clamp', extrapolateRight: 'clamp' });
  const m = panTransform(pan, t);
  return (
    <div style={{ width, height, display: 'flex', flexDirection: 'column', opacity: p * (1 - out), transform: `scale(${0.96 + 0.04 * p})` }}>
      <div style={{ flex: 1, borderRadius: 24 * u, overflow: 'hidden', border: `${2 * u}px solid ${theme.border}`, boxShadow: `0 ${12 * u}px ${24 * u}px rgba(0,0,0,0.3)`, background: theme.surface }}>
        <Img src={staticFile(src)} style={{ width: '100%', height: '100%', objectFit: 'cover', transform: `translate(${m.x}%, ${m.y}%) scale(${m.scale})` }} />
      </div>
      {caption ? (
        <div style={{ height: captionH, display: 'flex', alignItems: 'flex-end', color: theme.muted, fontFamily: theme.fontFamily, fontSize: captionSize, fontWeight: 500, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{caption}</div>
      ) : null}
    </div>
  );
};
