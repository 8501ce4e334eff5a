import { measureText } from '@remotion/layout-utils';
import { useId } from 'react';
import { useCurrentFrame, useVideoConfig } from 'remotion';
import { fitLabel } from '../../shared/fit-label';
import { makeValueFormatter } from '../../shared/format-number';
import { enter, exit } from '../motion';
import { EmptyGraphic } from './EmptyGraphic';
import { niceTicks } from './nice-ticks';
import type { GraphicFrameProps } from './types';

export interface Datum {
  label: string;
  value: number;
}

/** A bar with its far end rounded: the end away from the zero line. */
function barPath(x: number, w: number, from: number, to: number, r0: number): string {
  const h = Math.abs(to - from);
  if (h < 0.5) return '';
  const r = Math.min(r0, h / 2, w / 2);
  const e = to;
  const s = to < from ? 1 : -1;
  return [
    `M${x},${from}`,
    `L${x},${e + s * r}`,
    `Q${x},${e} ${x + r},${e}`,
    `L${x + w - r},${e}`,
    `Q${x + w},${e} ${x + w},${e + s * r}`,
    `L${x + w},${from}`,
    'Z',
  ].join(' ');
}

function barHPath(y: number, h: number, from: number, to: number, r0: number): string {
  const w = Math.abs(to - from);
  if (w < 0.5) return '';
  const r = Math.min(r0, w / 2, h / 2);
  const s = to > from ? -1 : 1;
  return [`M${from},${y}`, `L${to + s * r},${y}`, `Q${to},${y} ${to},${y + r}`, `L${to},${y + h - r}`, `Q${to},${y + h} ${to + s * r},${y + h}`, `L${from},${y + h}`, 'Z'].join(' ');
}

/** Bars grow from a zero line (negative values below it), values count up; many or long labels turn it sideways. */
export const BarChart: React.FC<GraphicFrameProps & { data: Datum[]; unit?: string; currency?: string }> = ({ data, unit, currency, width, height, theme, locale, scale: u, enterAt, exitAt, exitFrames }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const gradientId = `bars-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  if (!data.length) return <EmptyGraphic width={width} height={height} theme={theme} scale={u} />;

  const values = data.map((d) => d.value);
  const fmt = makeValueFormatter({ locale, unit, currency, sample: values });
  let maxV = Math.max(0, ...values);
  const minV = Math.min(0, ...values);
  if (maxV === minV) maxV = 1;
  const span = maxV - minV;
  const out = exit(frame, exitAt, exitFrames);
  const gridIn = enter(frame, fps, enterAt, 0.5) * (1 - out);
  const font = theme.fontFamily;
  const n = data.length;
  const horizontal = n > 8 || (width / height < 1 && n > 5);

  const grows = data.map((_, i) => enter(frame, fps, enterAt + 6 + i * Math.min(5, 30 / n), 0.9) * (1 - out));

  if (horizontal) {
    const rowH = height / n;
    const labelFont = Math.max(14 * u, Math.min(28 * u, rowH * 0.4));
    const valueFont = Math.max(14 * u, Math.min(30 * u, rowH * 0.42));
    const measure = (s: string) => measureText({ text: s, fontFamily: font, fontSize: labelFont, fontWeight: 500 }).width;
    const labelCol = Math.min(0.32 * width, Math.max(...data.map((d) => measure(d.label))) + 20 * u);
    const valueRoom = Math.max(...data.map((d) => measureText({ text: fmt(d.value), fontFamily: font, fontSize: valueFont, fontWeight: 700 }).width)) + 18 * u;
    const plotLeft = labelCol + (minV < 0 ? valueRoom : 0);
    const plotW = width - plotLeft - valueRoom;
    const x = (v: number) => plotLeft + ((v - minV) / span) * plotW;
    const zeroX = x(0);
    const barH = Math.min(rowH * 0.64, 64 * u);
    return (
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} style={{ overflow: 'visible', direction: 'ltr' }}>
        <line x1={zeroX} x2={zeroX} y1={0} y2={height} stroke={theme.muted} strokeOpacity={0.6 * gridIn} strokeWidth={2 * u} />
        {data.map((d, i) => {
          const cy = rowH * (i + 0.5);
          const end = x(d.value * grows[i]!);
          const neg = d.value < 0;
          const label = fitLabel(d.label, labelCol - 20 * u, 1, measure)[0] ?? '';
          return (
            <g key={i} opacity={Math.min(1, grows[i]! * 3)}>
              <text x={labelCol - 20 * u} y={cy + labelFont * 0.35} fill={theme.muted} fontSize={labelFont} fontWeight={500} textAnchor="end" fontFamily={font}>
                {label}
              </text>
              <path d={barHPath(cy - barH / 2, barH, zeroX, end, 10 * u)} fill={neg ? theme.negative : theme.primary} />
              <text x={neg ? end - 10 * u : end + 10 * u} y={cy + valueFont * 0.35} fill={theme.text} fontSize={valueFont} fontWeight={700} textAnchor={neg ? 'end' : 'start'} fontFamily={font} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {fmt(d.value * grows[i]!)}
              </text>
            </g>
          );
        })}
      </svg>
    );
  }

  const slot = width / n;
  const labelFont = Math.max(14 * u, Math.min(30 * u, slot * 0.2));
  const valueFont = Math.max(14 * u, Math.min(40 * u, slot * 0.24));
  const measure = (s: string) => measureText({ text: s, fontFamily: font, fontSize: labelFont, fontWeight: 500 }).width;
  const labels = data.map((d) => fitLabel(d.label, slot * 0.94, 2, measure));
  const labelLines = Math.max(...labels.map((l) => l.length));
  const valuePad = valueFont * 1.6;
  const bottomPad = labelLines * labelFont * 1.2 + 20 * u;
  const plotTop = valuePad;
  const plotBottom = height - bottomPad - (minV < 0 ? valuePad : 0);
  const plotH = plotBottom - plotTop;
  const y = (v: number) => plotTop + ((maxV - v) / span) * plotH;
  const zeroY = y(0);
  const barW = Math.min(slot * 0.58, 220 * u);

  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} style={{ overflow: 'visible', direction: 'ltr' }}>
      <defs>
        <linearGradient id={gradientId} x1="0" x2="0" y1="0" y2="1">
          <stop offset="0%" stopColor={theme.primary} />
          <stop offset="100%" stopColor={theme.primary} stopOpacity={0.55} />
        </linearGradient>
      </defs>
      {niceTicks(minV, maxV, 4)
        .filter((t) => t !== 0)
        .map((t) => (
          <line key={t} x1={0} x2={width} y1={y(t)} y2={y(t)} stroke={theme.muted} strokeOpacity={0.16 * gridIn} strokeWidth={1.5 * u} strokeDasharray={`${6 * u} ${8 * u}`} />
        ))}
      {data.map((d, i) => {
        const g = grows[i]!;
        const x0 = slot * (i + 0.5) - barW / 2;
        const end = y(d.value * g);
        const neg = d.value < 0;
        return (
          <g key={i}>
            <path d={barPath(x0, barW, zeroY, end, 14 * u)} fill={neg ? theme.negative : `url(#${gradientId})`} />
            <text
              x={x0 + barW / 2}
              y={neg ? end + valueFont * 1.15 : end - valueFont * 0.4}
              fill={theme.text}
              fontSize={valueFont}
              fontWeight={700}
              textAnchor="middle"
              fontFamily={font}
              opacity={Math.min(1, g * 2)}
              style={{ fontVariantNumeric: 'tabular-nums' }}
            >
              {fmt(d.value * g)}
            </text>
            {labels[i]!.map((line, k) => (
              <text key={k} x={x0 + barW / 2} y={height - bottomPad + 20 * u + labelFont * (0.85 + k * 1.2)} fill={theme.muted} fontSize={labelFont} fontWeight={500} textAnchor="middle" fontFamily={font} opacity={gridIn}>
                {line}
              </text>
            ))}
          </g>
        );
      })}
      <line x1={0} x2={width} y1={zeroY} y2={zeroY} stroke={theme.muted} strokeOpacity={0.7 * gridIn} strokeWidth={2 * u} />
    </svg>
  );
};
