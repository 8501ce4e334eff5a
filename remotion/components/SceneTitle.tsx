import { interpolate, spring, useCurrentFrame, useVideoConfig } from 'remotion';

export const SceneTitle: React.FC<{ title: string }> = ({ title }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const enter = spring({ frame, fps, config: { damping: 200 } });
  return (
    <h1
      style={{
        margin: 0,
        color: '#f8fafc',
        fontSize: 84,
        fontWeight: 700,
        letterSpacing: -1,
        opacity: enter,
        transform: `translateY(${interpolate(enter, [0, 1], [40, 0])}px)`,
      }}
    >
      {title}
    </h1>
  );
};
