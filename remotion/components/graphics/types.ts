import type { ResolvedTheme } from '../../shared/theme';

/** What every graphic gets: its box, the look, and when it enters and leaves, in frames of its scene. */
export interface GraphicFrameProps {
  width: number;
  height: number;
  theme: ResolvedTheme;
  locale: string;
  /** 1 at a 1080 px short edge. */
  scale: number;
  enterAt: number;
  /** The scene's own length: the graphic leaves from here, over `exitFrames`. */
  exitAt: number;
  exitFrames: number;
}
