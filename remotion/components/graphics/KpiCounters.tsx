import { fitText } from '@remotion/layout-utils';
import { useCurrentFrame, useVideoConfig } from 'remotion';
import type { z } from 'zod';
import type { kpiGraphicSchema } from '../../../src/spec/video-spec';
import { makeValueFormatter } from '../../shared/format-number';
import { countUp, enter, exit } from '../motion';
import type { GraphicFrameProps } from './types';

type KpiItem = z.output<typeof kpiGraphicSchema>['items'][number];

/** Columns for n cards in a box: the split whose cards come closest to a 1.5:1 shape. */
export function kpiColumns(n: number, width: number, height: number, gap: number): number {
  let best = 1;
  let bestScore = Infinity;
  for (let c = 1; c <= n; c++) {
    const rows = Math.ceil(n / c);
    const w = (width - (c - 1) * gap) / c;
    const h = (height - (rows - 1) * gap) / rows;
    const score = Math.abs(Math.log(w / h / 1.5)) + (rows * c - n) * 0.8;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** Cards whose numbers count up in the data's precision and locale, with the change as ▲/▼. */
export const KpiCounters: React.FC<GraphicFrameProps & { items: KpiItem[] }> = ({ items, width, height, theme, locale, scale: u, enterAt, exitAt, exitFrames }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const spacing = 28 * u;
  const cols = kpiColumns(items.length, width, height, spacing);
  const rows = Math.ceil(items.length / cols);
  const cardW = (width - (cols - 1) * spacing) / cols;
  const cardH = Math.min((height - (rows - 1) * spacing) / rows, cardW * 0.95);
  const out = exit(frame, exitAt, exitFrames);
  const pad = Math.min(40 * u, cardW * 0.1, cardH * 0.12);
  const formatters = items.map((it) => makeValueFormatter({ locale, prefix: it.prefix, unit: it.unit, currency: it.currency, sample: [it.value] }));
  // One value size for every card, from the widest final value, so the row reads as a set.
  const widest = Math.min(...items.map((it, i) => fitText({ text: formatters[i]!(it.value), withinWidth: cardW - 2 * pad, fontFamily: theme.fontFamily, fontWeight: 800 }).fontSize));
  const gap = 10 * u;
  let valueSize = Math.min(cardH * 0.4, 128 * u, widest);
  let labelSize = Math.min(30 * u, Math.max(18 * u, valueSize * 0.3));
  // Shrink label, value and change together when a short card cannot hold all three.
  const needed = labelSize * 1.25 + valueSize * 1.05 + labelSize * 1.25 + 2 * gap;
  const fit = Math.min(1, (cardH - 2 * pad) / needed);
  valueSize *= fit;
  labelSize *= fit;
  // A label too long for its card (German compounds) shrinks to 65% before it is cut with an ellipsis.
  const labelFits = items.map((it) => Math.max(labelSize * 0.65, Math.min(labelSize, fitText({ text: it.label, withinWidth: cardW - 2 * pad, fontFamily: theme.fontFamily, fontWeight: 600 }).fontSize)));

  return (
    <div style={{ width, height, display: 'flex', flexWrap: 'wrap', gap: spacing, alignContent: 'center', justifyContent: 'center' }}>
      {items.map((it, i) => {
        const inP = enter(frame, fps, enterAt + i * 5, 0.7);
        const count = countUp(frame, fps, enterAt + 4 + i * 5, 1.3);
        // The change in the value's own style: "$620K" beside "$4.2M", not "620,000".
        const deltaFmt = makeValueFormatter({ locale, prefix: it.prefix, unit: it.unit, currency: it.currency, sample: [it.value, it.delta ?? 0] });
        const up = (it.delta ?? 0) >= 0;
        return (
          <div
            key={i}
            style={{
              width: cardW,
              height: cardH,
              boxSizing: 'border-box',
              padding: pad,
              borderRadius: 28 * u,
              background: theme.surface,
              border: `${2 * u}px solid ${theme.border}`,
              display: 'flex',
              flexDirection: 'column',
              justifyContent: 'center',
              gap,
              opacity: inP * (1 - out),
              transform: `translateY(${(1 - inP) * 40 * u + out * -20 * u}px) scale(${0.96 + 0.04 * inP})`,
              fontFamily: theme.fontFamily,
            }}
          >
            <div style={{ flexShrink: 0, color: theme.muted, fontSize: labelFits[i], lineHeight: 1.25, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{it.label}</div>
            <div style={{ flexShrink: 0, color: theme.text, fontSize: valueSize, fontWeight: 800, letterSpacing: -0.02 * valueSize, lineHeight: 1.05, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {formatters[i]!(it.value * count)}
            </div>
            {it.delta !== undefined ? (
              <div style={{ flexShrink: 0, alignSelf: 'flex-start', lineHeight: 1.25, color: up ? theme.positive : theme.negative, fontSize: labelSize * 0.95, fontWeight: 700, opacity: count, fontVariantNumeric: 'tabular-nums' }}>
                {up ? '▲' : '▼'} {deltaFmt(Math.abs(it.delta))}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
};
