import { measureText } from '@remotion/layout-utils';
import { useId } from 'react';
import { useCurrentFrame, useVideoConfig } from 'remotion';
import { fitLabel } from '../../shared/fit-label';
import { makeValueFormatter } from '../../shared/format-number';
import { enter, exit } from '../motion';
import type { Datum } from './BarChart';
import { EmptyGraphic } from './EmptyGraphic';
import { niceTicks } from './nice-ticks';
import type { GraphicFrameProps } from './types';

/** Indices of the x labels to show: every k-th point counted back from the last (the latest always shows), as many as fit. */
export function labelIndices(n: number, maxLabels: number): number[] {
  const step = Math.max(1, Math.ceil(n / Math.max(1, maxLabels)));
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i -= step) out.unshift(i);
  return out;
}

/** A line drawn left to right over a soft area, gridlines with values, the latest value called out at its end. */
export const LineChart: React.FC<GraphicFrameProps & { data: Datum[]; unit?: string; currency?: string }> = ({ data, unit, currency, width, height, theme, locale, scale: u, enterAt, exitAt, exitFrames }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const id = `line-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  if (data.length < 2) return <EmptyGraphic width={width} height={height} theme={theme} scale={u} text={data.length ? 'One point is not a trend' : 'No data yet'} />;

  const font = theme.fontFamily;
  const values = data.map((d) => d.value);
  const fmt = makeValueFormatter({ locale, unit, currency, sample: values });
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  // Anchor at zero when the data sits near it, so a small rise is not drawn as a cliff.
  if (lo > 0 && lo < 0.35 * hi) lo = 0;
  if (hi < 0 && hi > 0.35 * lo) hi = 0;
  const pad = (hi - lo) * 0.1 || Math.abs(hi) * 0.1 || 1;
  const ticks = niceTicks(lo === 0 ? 0 : lo - pad, hi === 0 ? 0 : hi + pad, 4);
  const yMin = Math.min(ticks[0]!, lo);
  const yMax = Math.max(ticks[ticks.length - 1]!, hi);
  const tickFmt = makeValueFormatter({ locale, unit, currency, sample: ticks });

  const axisFont = 24 * u;
  const endFont = 34 * u;
  const axisW = Math.max(...ticks.map((t) => measureText({ text: tickFmt(t), fontFamily: font, fontSize: axisFont, fontWeight: 500 }).width)) + 20 * u;
  const last = data[data.length - 1]!;
  const endW = measureText({ text: fmt(last.value), fontFamily: font, fontSize: endFont, fontWeight: 700 }).width + 32 * u;
  const left = axisW;
  const right = width - endW / 2;
  const top = endFont * 2.2;
  const bottomY = height - axisFont * 1.3 - 18 * u;
  const plotW = right - left;
  const x = (i: number) => left + (i / (data.length - 1)) * plotW;
  const y = (v: number) => top + ((yMax - v) / (yMax - yMin || 1)) * (bottomY - top);
  const pts = data.map((d, i) => [x(i), y(d.value)] as const);
  const line = pts.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(2)},${py.toFixed(2)}`).join(' ');
  const area = `${line} L${right},${bottomY} L${left},${bottomY} Z`;

  const out = exit(frame, exitAt, exitFrames);
  const gridIn = enter(frame, fps, enterAt, 0.5) * (1 - out);
  const progress = enter(frame, fps, enterAt + 6, 1.6) * (1 - out);
  const revealX = left + progress * plotW;
  const seg = Math.min(data.length - 2, Math.floor(progress * (data.length - 1)));
  const t = progress * (data.length - 1) - seg;
  const head = [pts[seg]![0] + (pts[seg + 1]![0] - pts[seg]![0]) * t, pts[seg]![1] + (pts[seg + 1]![1] - pts[seg]![1]) * t] as const;
  const endIn = enter(frame, fps, enterAt + 6 + 1.4 * fps, 0.5) * (1 - out);

  const xMeasure = (s: string) => measureText({ text: s, fontFamily: font, fontSize: axisFont, fontWeight: 500 }).width;
  const shown = labelIndices(data.length, Math.max(2, Math.floor(plotW / (axisFont * 5))));
  const slotW = plotW / Math.max(1, shown.length - 1);
  const zeroInside = yMin < 0 && yMax > 0;

  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} style={{ overflow: 'visible', direction: 'ltr' }}>
      <defs>
        <linearGradient id={`${id}-fill`} x1="0" x2="0" y1="0" y2="1">
          <stop offset="0%" stopColor={theme.primary} stopOpacity={0.35} />
          <stop offset="100%" stopColor={theme.primary} stopOpacity={0} />
        </linearGradient>
        <clipPath id={`${id}-reveal`}>
          <rect x={0} y={0} width={Math.max(0, revealX)} height={height} />
        </clipPath>
      </defs>
      {ticks.map((tv) => (
        <g key={tv} opacity={gridIn}>
          <line x1={left} x2={right} y1={y(tv)} y2={y(tv)} stroke={theme.muted} strokeOpacity={tv === 0 && zeroInside ? 0.7 : 0.16} strokeWidth={(tv === 0 && zeroInside ? 2 : 1.5) * u} strokeDasharray={tv === 0 && zeroInside ? undefined : `${6 * u} ${8 * u}`} />
          <text x={left - 14 * u} y={y(tv) + axisFont * 0.35} fill={theme.muted} fontSize={axisFont} fontWeight={500} textAnchor="end" fontFamily={font} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {tickFmt(tv)}
          </text>
        </g>
      ))}
      {shown.map((i) => (
        <text key={i} x={x(i)} y={height - 12 * u} fill={theme.muted} fontSize={axisFont} fontWeight={500} textAnchor={i === data.length - 1 ? 'end' : 'middle'} fontFamily={font} opacity={gridIn}>
          {fitLabel(data[i]!.label, slotW * 0.9, 1, xMeasure)[0]}
        </text>
      ))}
      <g clipPath={`url(#${id}-reveal)`}>
        <path d={area} fill={`url(#${id}-fill)`} />
        <path d={line} fill="none" stroke={theme.primary} strokeWidth={6 * u} strokeLinejoin="round" strokeLinecap="round" />
        {data.length <= 16 ? pts.map(([px, py], i) => <circle key={i} cx={px} cy={py} r={7 * u} fill={theme.primary} stroke="#0b1220" strokeWidth={3 * u} />) : null}
      </g>
      {progress > 0.01 && progress < 0.999 ? <circle cx={head[0]} cy={head[1]} r={10 * u} fill={theme.text} stroke={theme.primary} strokeWidth={4 * u} /> : null}
      <g opacity={endIn} transform={`translate(${pts[pts.length - 1]![0]}, ${pts[pts.length - 1]![1] - 26 * u - endFont * 0.6 * endIn})`}>
        <rect x={-endW / 2} y={-endFont * 1.05} width={endW} height={endFont * 1.5} rx={endFont * 0.35} fill={theme.accent} />
        <text x={0} y={endFont * 0.05} fill="#0b1220" fontSize={endFont} fontWeight={700} textAnchor="middle" fontFamily={font} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {fmt(last.value)}
        </text>
      </g>
      {progress >= 0.999 ? <circle cx={pts[pts.length - 1]![0]} cy={pts[pts.length - 1]![1]} r={11 * u} fill={theme.accent} stroke="#0b1220" strokeWidth={4 * u} /> : null}
    </svg>
  );
};
