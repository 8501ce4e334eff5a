import type { Theme } from '../../src/spec/video-spec';

export interface ResolvedTheme extends Theme {
  fontFamily: string;
  /** Cards and panels: a faint layer of the text colour, readable on dark and light backgrounds. */
  surface: string;
  border: string;
  positive: string;
  negative: string;
}

export const INTER_STACK = 'Inter, "DejaVu Sans", sans-serif';
const SYSTEM_STACK = 'system-ui, "Liberation Sans", "DejaVu Sans", sans-serif';

export function resolveTheme(theme: Theme): ResolvedTheme {
  return {
    ...theme,
    fontFamily: theme.font === 'Inter' ? INTER_STACK : SYSTEM_STACK,
    surface: `color-mix(in srgb, ${theme.text} 7%, transparent)`,
    border: `color-mix(in srgb, ${theme.text} 12%, transparent)`,
    positive: '#34d399',
    negative: '#f87171',
  };
}
