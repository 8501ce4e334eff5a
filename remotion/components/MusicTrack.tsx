import { Audio, staticFile, useVideoConfig } from 'remotion';
import { duckedVolume, type Span } from '../shared/ducking';

/** Background music, looped, lowered under speech and faded at both ends. */
export const MusicTrack: React.FC<{ src: string; volume: number; duckTo: number; speech: Span[] }> = ({ src, volume, duckTo, speech }) => {
  const { fps, durationInFrames } = useVideoConfig();
  const opts = { volume, duckTo, rampFrames: Math.round(0.3 * fps), totalFrames: durationInFrames, fadeFrames: Math.round(1 * fps) };
  return <Audio src={staticFile(src)} loop volume={(f) => duckedVolume(f, speech, opts)} />;
};
