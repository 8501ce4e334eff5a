import { fitText } from '@remotion/layout-utils';
import { useCurrentFrame, useVideoConfig } from 'remotion';
import { rectStyle } from '../shared/rect';
import type { TextBox } from '../shared/layout';
import type { ResolvedTheme } from '../shared/theme';
import { enter, exit } from './motion';

/** The scene's headline: shrinks (to 70%) before it wraps or is cut, with an accent rule that draws in beneath. */
export const SceneTitle: React.FC<{ text: string; box: TextBox; theme: ResolvedTheme; unit: number; enterAt: number; exitAt: number; exitFrames: number }> = ({ text, box, theme, unit: u, enterAt, exitAt, exitFrames }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const p = enter(frame, fps, enterAt, 0.7);
  const rule = enter(frame, fps, enterAt + 6, 0.8);
  const out = exit(frame, exitAt, exitFrames);
  const oneLine = fitText({ text, withinWidth: box.width, fontFamily: theme.fontFamily, fontWeight: 800 }).fontSize;
  const fontSize = box.lines === 1 ? Math.max(box.fontSize * 0.7, Math.min(box.fontSize, oneLine)) : Math.max(box.fontSize * 0.7, Math.min(box.fontSize, oneLine * box.lines * 0.9));
  return (
    <div style={{ ...rectStyle(box), opacity: p * (1 - out), transform: `translateY(${(1 - p) * 30 * u - out * 20 * u}px)` }}>
      <div
        style={{
          color: theme.text,
          fontFamily: theme.fontFamily,
          fontSize,
          fontWeight: 800,
          lineHeight: 1.1,
          letterSpacing: -0.02 * fontSize,
          display: '-webkit-box',
          WebkitLineClamp: box.lines,
          WebkitBoxOrient: 'vertical',
          overflow: 'hidden',
          // A word wider than the box (a long German compound) breaks inside instead of running out of it.
          overflowWrap: 'anywhere',
        }}
      >
        {text}
      </div>
      <div style={{ marginTop: 12 * u, width: 72 * u * rule, height: 6 * u, borderRadius: 3 * u, background: theme.accent }} />
    </div>
  );
};
