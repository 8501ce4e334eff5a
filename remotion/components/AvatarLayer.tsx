import { AbsoluteFill, OffthreadVideo, interpolate, spring, staticFile, useCurrentFrame, useVideoConfig } from 'remotion';
import type { ClipEntry } from '../../src/spec/manifest';

const SIZE = 620;

/** The presenter, bottom right, over the graphics; `transparent` keeps the clip's alpha (no black box). */
export const AvatarLayer: React.FC<{ clip: ClipEntry | null }> = ({ clip }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const enter = spring({ frame, fps, config: { damping: 200 } });
  const style: React.CSSProperties = {
    position: 'absolute',
    right: 48,
    bottom: 0,
    width: SIZE,
    height: SIZE,
    opacity: enter,
    transform: `translateY(${interpolate(enter, [0, 1], [60, 0])}px)`,
  };
  if (!clip) {
    return (
      <AbsoluteFill>
        <div style={{ ...style, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#94a3b8', fontSize: 28, border: '3px dashed #475569', borderRadius: 24, bottom: 48, height: SIZE - 48 }}>
          Presenter clip not built yet: npm run prebuild
        </div>
      </AbsoluteFill>
    );
  }
  return (
    <AbsoluteFill>
      <OffthreadVideo src={staticFile(clip.file)} transparent style={style} />
    </AbsoluteFill>
  );
};
