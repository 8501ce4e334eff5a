import { spring, useCurrentFrame, useVideoConfig } from 'remotion';

export interface BarDatum {
  label: string;
  value: number;
}

function decimalsOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : Math.min(2, s.length - dot - 1);
}

export const BarChart: React.FC<{ data: BarDatum[]; unit?: string; width: number; height: number }> = ({ data, unit = '', width, height }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const max = Math.max(...data.map((d) => Math.abs(d.value)), 1);
  const labelSpace = 64;
  const valueSpace = 56;
  const gap = 32;
  const barWidth = (width - gap * (data.length - 1)) / data.length;
  const plotHeight = height - labelSpace - valueSpace;

  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      {data.map((d, i) => {
        // Count up in the datum's own precision, so 1200 never shows as 1,199.7 mid-animation.
        const formatter = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimalsOf(d.value), maximumFractionDigits: decimalsOf(d.value) });
        const grow = spring({ frame: frame - 8 - i * 6, fps, config: { damping: 18, mass: 0.8 } });
        const barHeight = (Math.abs(d.value) / max) * plotHeight * grow;
        const x = i * (barWidth + gap);
        const y = valueSpace + plotHeight - barHeight;
        return (
          <g key={d.label + i}>
            <rect x={x} y={y} width={barWidth} height={barHeight} rx={12} fill={d.value < 0 ? '#f87171' : '#38bdf8'} />
            <text x={x + barWidth / 2} y={y - 16} fill="#e2e8f0" fontSize={40} fontWeight={700} textAnchor="middle" opacity={grow}>
              {formatter.format(d.value * grow)}
              {unit}
            </text>
            <text x={x + barWidth / 2} y={height - 16} fill="#94a3b8" fontSize={36} textAnchor="middle">
              {d.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
};
