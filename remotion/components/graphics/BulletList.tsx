import { useCurrentFrame, useVideoConfig } from 'remotion';
import { isRightToLeft } from '../../../src/spec/locales';
import { enter, exit } from '../motion';
import type { GraphicFrameProps } from './types';

/** Points revealed one by one over the first part of the scene, each wrapped to at most three lines. */
export const BulletList: React.FC<GraphicFrameProps & { items: string[] }> = ({ items, width, height, theme, locale, scale: u, enterAt, exitAt, exitFrames }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const n = items.length;
  const fontSize = Math.max(24 * u, Math.min(50 * u, height / (n * 2.1), width / 18));
  const gap = fontSize * 0.7;
  // Spread the reveals over the first 60% of the scene, but never slower than one every 0.9 s.
  const stagger = Math.min(0.9 * fps, (0.6 * exitAt) / Math.max(1, n));
  const out = exit(frame, exitAt, exitFrames);
  // Each point slides in from where its line starts: the left, or the right in a right-to-left language.
  const from = isRightToLeft(locale) ? 1 : -1;
  // The numbers in the locale's digits (١ ٢ ٣ when an Arabic video asks for native digits).
  const number = new Intl.NumberFormat(locale);
  return (
    <div style={{ width, height, display: 'flex', flexDirection: 'column', justifyContent: 'center', gap, fontFamily: theme.fontFamily }}>
      {items.map((text, i) => {
        const p = enter(frame, fps, enterAt + 4 + i * stagger, 0.6);
        return (
          <div key={i} style={{ display: 'flex', alignItems: 'flex-start', gap: fontSize * 0.6, opacity: p * (1 - out), transform: `translateX(${(1 - p) * from * 36 * u}px)` }}>
            <div
              style={{
                flex: 'none',
                width: fontSize * 1.25,
                height: fontSize * 1.25,
                marginTop: fontSize * 0.05,
                borderRadius: fontSize * 0.35,
                background: theme.primary,
                color: '#0b1220',
                fontSize: fontSize * 0.62,
                fontWeight: 800,
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                transform: `scale(${0.6 + 0.4 * p})`,
              }}
            >
              {number.format(i + 1)}
            </div>
            <div
              style={{
                color: theme.text,
                fontSize,
                fontWeight: 600,
                lineHeight: 1.25,
                display: '-webkit-box',
                WebkitLineClamp: 3,
                WebkitBoxOrient: 'vertical',
                overflow: 'hidden',
                overflowWrap: 'anywhere',
              }}
            >
              {text}
            </div>
          </div>
        );
      })}
    </div>
  );
};
