import { useCurrentFrame, useVideoConfig } from 'remotion';
import { enter, exit } from '../motion';
import type { GraphicFrameProps } from './types';

/** Font size at which `chars` characters fill about 55% of a box, within sensible bounds. */
export function quoteFontSize(chars: number, width: number, height: number, unit: number): number {
  const fit = Math.sqrt((0.55 * width * height) / (Math.max(1, chars) * 0.52 * 1.3));
  return Math.max(26 * unit, Math.min(76 * unit, fit));
}

/** A pull quote: large marks in the accent colour, the words fading in in reading order, the author below. */
export const QuoteCard: React.FC<GraphicFrameProps & { text: string; author?: string }> = ({ text, author, width, height, theme, scale: u, enterAt, exitAt, exitFrames }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const fontSize = quoteFontSize(text.length, width * 0.86, height * 0.72, u);
  const words = text.split(/\s+/);
  const out = exit(frame, exitAt, exitFrames);
  const mark = enter(frame, fps, enterAt, 0.6);
  const authorIn = enter(frame, fps, enterAt + 8 + words.length * 1.2, 0.6);
  return (
    <div style={{ width, height, display: 'flex', flexDirection: 'column', justifyContent: 'center', fontFamily: theme.fontFamily, opacity: 1 - out }}>
      <svg viewBox="0 0 64 48" style={{ width: fontSize * 1.5, height: fontSize * 1.125, marginBottom: fontSize * 0.5, opacity: mark, transform: `translateY(${(1 - mark) * 20 * u}px)` }}>
        <path d="M0 48V28C0 12 8 3 24 0l3 7C18 10 14 15 14 22h12v26Zm36 0V28C36 12 44 3 60 0l3 7c-9 3-13 8-13 15h12v26Z" fill={theme.accent} />
      </svg>
      <div style={{ paddingLeft: fontSize * 0.7, borderLeft: `${6 * u}px solid ${theme.accent}` }}>
        <div style={{ color: theme.text, fontSize, fontWeight: 600, lineHeight: 1.3, letterSpacing: -0.01 * fontSize }}>
          {words.map((w, i) => {
            const p = enter(frame, fps, enterAt + 6 + i * 1.2, 0.5);
            return (
              <span key={i} style={{ opacity: 0.15 + 0.85 * p }}>
                {w}{' '}
              </span>
            );
          })}
        </div>
        {author ? <div style={{ marginTop: fontSize * 0.7, color: theme.muted, fontSize: Math.max(22 * u, fontSize * 0.5), fontWeight: 600, opacity: authorIn }}>— {author}</div> : null}
      </div>
    </div>
  );
};
