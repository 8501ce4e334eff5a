import type { Theme } from '../../src/spec/video-spec';
import { fontStack } from './script-fonts';

export interface ResolvedTheme extends Theme {
  fontFamily: string;
  /** Cards and panels: a faint layer of the text colour, readable on dark and light backgrounds. */
  surface: string;
  border: string;
  positive: string;
  negative: string;
}

export const INTER_STACK = fontStack('Inter', 'en-US');

/** `locale` orders the script fonts (a Japanese video draws shared Han characters in Japanese forms). */
export function resolveTheme(theme: Theme, locale = 'en-US'): ResolvedTheme {
  return {
    ...theme,
    fontFamily: fontStack(theme.font === 'Inter' ? 'Inter' : 'system-ui, "Liberation Sans"', locale),
    surface: `color-mix(in srgb, ${theme.text} 7%, transparent)`,
    border: `color-mix(in srgb, ${theme.text} 12%, transparent)`,
    positive: '#34d399',
    negative: '#f87171',
  };
}
