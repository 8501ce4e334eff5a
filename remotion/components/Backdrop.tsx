import { AbsoluteFill, Img, OffthreadVideo, interpolate, staticFile, useCurrentFrame, useVideoConfig } from 'remotion';
import type { Background } from '../../src/spec/video-spec';
import type { ResolvedTheme } from '../shared/theme';

// Photos and footage behind text need darkening to keep white text and charts readable.
const SCRIM = 'linear-gradient(180deg, rgba(2,6,23,0.55) 0%, rgba(2,6,23,0.72) 100%)';

/** The background: a colour, a gradient with a soft glow of the theme colour, or a darkened image or video. */
export const Backdrop: React.FC<{ background: Background; theme: ResolvedTheme }> = ({ background, theme }) => {
  const frame = useCurrentFrame();
  const { durationInFrames } = useVideoConfig();
  switch (background.type) {
    case 'color':
      return <AbsoluteFill style={{ background: background.color }} />;
    case 'gradient':
      return (
        // Its own compositor layer: painted once, not on every frame under the moving graphics.
        <AbsoluteFill style={{ background: `linear-gradient(${background.angle}deg, ${background.from} 0%, ${background.to} 100%)`, willChange: 'transform' }}>
          <AbsoluteFill style={{ background: `radial-gradient(ellipse 70% 60% at 12% 0%, color-mix(in srgb, ${theme.primary} 16%, transparent) 0%, transparent 70%)` }} />
        </AbsoluteFill>
      );
    case 'image': {
      const zoom = interpolate(frame, [0, durationInFrames], [1, 1.06]);
      return (
        <AbsoluteFill>
          <Img src={staticFile(background.src)} style={{ width: '100%', height: '100%', objectFit: 'cover', transform: `scale(${zoom})` }} />
          <AbsoluteFill style={{ background: SCRIM }} />
        </AbsoluteFill>
      );
    }
    case 'video':
      return (
        <AbsoluteFill>
          <OffthreadVideo src={staticFile(background.src)} muted style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
          <AbsoluteFill style={{ background: SCRIM }} />
        </AbsoluteFill>
      );
    default:
      return null;
  }
};
