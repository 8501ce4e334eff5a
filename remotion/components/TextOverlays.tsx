import { interpolate, useCurrentFrame, useVideoConfig } from 'remotion';
import type { Overlay } from '../../src/spec/video-spec';
import { overlayPlacement, readingPosition } from '../shared/overlay-placement';
import type { Rect } from '../shared/rect';
import type { ResolvedTheme } from '../shared/theme';

const EDGE = 6;

/** Text the spec places over a scene, at a position within the graphic area, between `from` and `to` seconds. */
export const TextOverlays: React.FC<{ overlays: Overlay[]; area: Rect; theme: ResolvedTheme; unit: number; sceneFrames: number; rtl?: boolean }> = ({ overlays, area, theme, unit: u, sceneFrames, rtl = false }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  return (
    <>
      {overlays.map((o, i) => {
        const from = Math.round(o.from * fps);
        const to = Math.min(sceneFrames, o.to === undefined ? sceneFrames : Math.round(o.to * fps));
        if (to <= from) return null;
        const p = interpolate(frame, [from, from + EDGE, to - EDGE, to], [0, 1, 1, 0], { extrapolateLeft: 'clamp', extrapolateRight: 'clamp' });
        if (p <= 0) return null;
        const headline = o.style === 'headline';
        const fontSize = (headline ? 64 : 30) * u;
        return (
          <div key={i} style={{ ...overlayPlacement(readingPosition(o.position, rtl, o.mirror), area), opacity: p }}>
            <span
              style={{
                display: 'inline-block',
                maxWidth: area.width,
                padding: headline ? `${12 * u}px ${24 * u}px` : `${10 * u}px ${20 * u}px`,
                borderRadius: (headline ? 18 : 999) * u,
                background: headline ? 'rgba(8,12,24,0.78)' : theme.accent,
                color: headline ? theme.text : '#0b1220',
                fontFamily: theme.fontFamily,
                fontSize,
                fontWeight: headline ? 800 : 700,
                lineHeight: 1.2,
                letterSpacing: headline ? -0.01 * fontSize : 0.02 * fontSize,
                textAlign: 'start',
                boxShadow: `0 ${8 * u}px ${24 * u}px rgba(0,0,0,0.3)`,
                transform: `translateY(${(1 - p) * 16 * u}px) scale(${0.94 + 0.06 * p})`,
              }}
            >
              {o.text}
            </span>
          </div>
        );
      })}
    </>
  );
};
