import { interpolate, useCurrentFrame, useVideoConfig } from 'remotion';
import type { Rect } from '../shared/rect';
import type { ResolvedTheme } from '../shared/theme';
import { enter } from './motion';

/** The presenter's name and role on a strap over the presenter's lower body, from `at` for `seconds`. */
export const LowerThird: React.FC<{ name: string; role?: string; box: Rect; theme: ResolvedTheme; unit: number; at: number; seconds: number }> = ({ name, role, box, theme, unit: u, at, seconds }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const until = at + seconds * fps;
  const p = enter(frame, fps, at, 0.6);
  const out = interpolate(frame, [until - 10, until], [0, 1], { extrapolateLeft: 'clamp', extrapolateRight: 'clamp' });
  if (frame < at || frame >= until) return null;
  const reveal = p * (1 - out);
  return (
    <div style={{ position: 'absolute', left: box.x, top: box.y, width: box.width, height: box.height, display: 'flex', alignItems: 'flex-end' }}>
      <div
        style={{
          display: 'flex',
          alignItems: 'stretch',
          maxWidth: box.width,
          clipPath: `inset(0 ${(1 - reveal) * 100}% 0 0 round ${14 * u}px)`,
          background: 'rgba(6,10,20,0.82)',
          borderRadius: 14 * u,
          boxShadow: `0 ${6 * u}px ${16 * u}px rgba(0,0,0,0.3)`,
          fontFamily: theme.fontFamily,
        }}
      >
        <div style={{ width: 8 * u, background: theme.accent }} />
        <div style={{ padding: `${14 * u}px ${24 * u}px`, minWidth: 0 }}>
          <div style={{ color: theme.text, fontSize: 34 * u, fontWeight: 800, lineHeight: 1.15, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{name}</div>
          {role ? <div style={{ color: theme.muted, fontSize: 24 * u, fontWeight: 500, marginTop: 4 * u, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{role}</div> : null}
        </div>
      </div>
    </div>
  );
};
