import type { ResolvedTheme } from '../../shared/theme';

/** Shown instead of a chart without data, so an empty series reads as intended rather than as a broken render. */
export const EmptyGraphic: React.FC<{ width: number; height: number; theme: ResolvedTheme; scale: number; text?: string }> = ({ width, height, theme, scale: unit, text = 'No data yet' }) => (
  <div
    style={{
      width,
      height,
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      border: `${2 * unit}px dashed ${theme.border}`,
      borderRadius: 24 * unit,
      color: theme.muted,
      fontFamily: theme.fontFamily,
      fontSize: 32 * unit,
    }}
  >
    {text}
  </div>
);
