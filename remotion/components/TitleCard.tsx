import { Easing, interpolate, useCurrentFrame, useVideoConfig } from 'remotion';
import { rectStyle, type Rect } from '../shared/rect';
import type { ResolvedTheme } from '../shared/theme';
import { enter } from './motion';

/**
 * The video's title over the content area at the start, while the presenter comes in; leaves before scene one's
 * graphic. It is on screen from frame 0, which players and platforms use as the poster.
 */
export const TitleCard: React.FC<{ title: string; kicker?: string; box: Rect; theme: ResolvedTheme; unit: number; frames: number }> = ({ title, kicker, box, theme, unit: u, frames }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  if (frame >= frames) return null;
  const out = interpolate(frame, [frames - 10, frames], [0, 1], { extrapolateLeft: 'clamp', extrapolateRight: 'clamp', easing: Easing.in(Easing.cubic) });
  const fontSize = Math.min(96 * u, box.width / 9);
  return (
    <div style={{ ...rectStyle(box), display: 'flex', flexDirection: 'column', justifyContent: 'center', fontFamily: theme.fontFamily, opacity: 1 - out, transform: `translateY(${-out * 30 * u}px)` }}>
      {kicker ? (
        <div style={{ color: theme.accent, fontSize: 26 * u, fontWeight: 700, letterSpacing: 0.14 * 26 * u, textTransform: 'uppercase', marginBottom: 20 * u }}>{kicker}</div>
      ) : null}
      <div style={{ color: theme.text, fontSize, fontWeight: 800, lineHeight: 1.05, letterSpacing: -0.025 * fontSize, display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
        {title}
      </div>
      <div style={{ marginTop: 28 * u, height: 8 * u, width: 140 * u * (0.35 + 0.65 * enter(frame, fps, 0, 1.2)), borderRadius: 4 * u, background: `linear-gradient(90deg, ${theme.accent}, ${theme.primary})` }} />
    </div>
  );
};
