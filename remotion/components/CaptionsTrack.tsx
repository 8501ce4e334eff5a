import { measureText } from '@remotion/layout-utils';
import { interpolate, useCurrentFrame, useVideoConfig } from 'remotion';
import { activeTokenIndex, pageAt, type CaptionPage } from '../shared/captions';
import type { TextBox } from '../shared/layout';
import { rectStyle } from '../shared/rect';
import type { ResolvedTheme } from '../shared/theme';

export type CaptionStyle = 'box' | 'bold';

/**
 * Captions in their band: word-level pages light up the word being spoken, SRT cues show whole. `box` sits on a
 * dark backing box (readable on any background); `bold` is the large social style, outlined, with the spoken word
 * on an accent pill.
 */
export const CaptionsTrack: React.FC<{ pages: CaptionPage[]; box: TextBox; style: CaptionStyle; theme: ResolvedTheme }> = ({ pages, box, style, theme }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const ms = (frame / fps) * 1000;
  const page = pageAt(pages, ms);
  if (!page) return null;
  const bold = style === 'bold';
  const weight = bold ? 800 : 600;
  const text = page.tokens.map((t) => t.text).join(' ');
  const padX = bold ? 0.3 * box.fontSize : 0.7 * box.fontSize;
  const textWidth = measureText({ text: bold ? text.toUpperCase() : text, fontFamily: theme.fontFamily, fontSize: box.fontSize, fontWeight: weight }).width;
  // Shrink a long cue to fit the band's lines instead of letting it run over.
  const room = box.lines * (box.width - 2 * padX) * 0.85;
  const fontSize = textWidth > room ? Math.max(box.fontSize * 0.6, box.fontSize * (room / textWidth)) : box.fontSize;
  const pop = interpolate(ms - page.startMs, [0, 120], [0.94, 1], { extrapolateLeft: 'clamp', extrapolateRight: 'clamp' });
  const active = page.wordLevel ? activeTokenIndex(page, ms) : -1;

  return (
    <div style={{ ...rectStyle(box), display: 'flex', alignItems: 'flex-end', justifyContent: 'center' }}>
      <div
        style={{
          maxWidth: box.width,
          boxSizing: 'border-box',
          padding: bold ? `${0.15 * fontSize}px ${padX}px` : `${0.35 * fontSize}px ${padX}px`,
          borderRadius: 0.4 * fontSize,
          background: bold ? undefined : 'rgba(6,10,20,0.78)',
          fontFamily: theme.fontFamily,
          fontSize,
          fontWeight: weight,
          lineHeight: 1.25,
          textAlign: 'center',
          textTransform: bold ? 'uppercase' : undefined,
          transform: `scale(${pop})`,
          transformOrigin: 'bottom center',
        }}
      >
        {page.tokens.map((t, i) => {
          const current = i === active;
          const spoken = !page.wordLevel || i <= active;
          const wordStyle: React.CSSProperties = bold
            ? {
                color: current ? '#0b1220' : '#ffffff',
                background: current ? theme.accent : undefined,
                borderRadius: 0.18 * fontSize,
                padding: `0 ${0.12 * fontSize}px`,
                WebkitTextStroke: current ? undefined : `${0.09 * fontSize}px #0b1220`,
                paintOrder: 'stroke fill',
                textShadow: current ? undefined : `0 ${0.06 * fontSize}px ${0.12 * fontSize}px rgba(0,0,0,0.6)`,
              }
            : { color: current ? theme.accent : '#ffffff', opacity: spoken ? 1 : 0.55 };
          return (
            <span key={i}>
              <span style={{ display: 'inline-block', ...wordStyle }}>{t.text}</span>{' '}
            </span>
          );
        })}
      </div>
    </div>
  );
};
