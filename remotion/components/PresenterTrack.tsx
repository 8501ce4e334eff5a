import { Video } from '@remotion/media';
import { AbsoluteFill, Freeze, OffthreadVideo, Sequence, staticFile, useCurrentFrame, useVideoConfig } from 'remotion';
import type { ClipEntry } from '../../src/spec/manifest';
import type { Timeline } from '../../src/spec/timeline';
import type { Framing, PresenterPlacement } from '../shared/layout';
import { rectStyle } from '../shared/rect';
import { clipFrames } from '../shared/scene-timing';
import type { PresenterPlayer } from '../shared/template-schema';
import type { ResolvedTheme } from '../shared/theme';
import { enter } from './motion';

/** How long the presenter takes to come in at the start of the video. */
export const PRESENTER_ENTRANCE_SEC = 0.8;

/**
 * One scene's clip. The clip's own time is the scene's frame / fps, so a 25 fps clip in a 30 fps composition
 * shows clip frame floor(f·25/30) at scene frame f with no drift; after the clip ends its last frame holds
 * (muted) through the scene's padding, so the presenter never blinks out between scenes.
 */
const PresenterClip: React.FC<{ clip: ClipEntry; style: React.CSSProperties; player: PresenterPlayer }> = ({ clip, style, player }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const frames = clipFrames(clip.durationSec, fps);
  const held = frame >= frames;
  // The prebuild's scaled copy where there is one (same frames, timestamps and audio; see src/project/prepare-clip.ts).
  const src = staticFile(clip.prepared?.file ?? clip.file);
  return (
    <Freeze frame={frames - 1} active={held}>
      {player === 'offthread' ? (
        // Kept for comparison (bench:render's old path) and as a way out: 1.5x the time per frame of <Video> here.
        <OffthreadVideo src={src} transparent muted={held} style={style} />
      ) : (
        // WebCodecs in the page: no screenshot-and-extract round trip per frame; alpha kept; falls back to
        // OffthreadVideo (transparent) where the browser cannot decode the clip.
        <Video src={src} muted={held} style={style} fallbackOffthreadVideoProps={{ transparent: true }} />
      )}
    </Freeze>
  );
};

/** A template or Video Agent scene: HeyGen's whole video over the frame (graphics and presenter give way to it). */
const SceneVideo: React.FC<{ clip: ClipEntry | null; theme: ResolvedTheme; unit: number; seconds: number; command: string }> = ({ clip, theme, unit: u, seconds, command }) => {
  const { fps } = useVideoConfig();
  const frame = useCurrentFrame();
  if (!clip) {
    return (
      <AbsoluteFill style={{ background: '#0b1220', color: theme.muted, fontFamily: theme.fontFamily, fontSize: 26 * u, alignItems: 'center', justifyContent: 'center', textAlign: 'center' }}>
        Scene video not built yet (~{seconds.toFixed(1)} s)
        <br />
        <span style={{ fontFamily: 'DejaVu Sans Mono, monospace', fontSize: 20 * u }}>{command}</span>
      </AbsoluteFill>
    );
  }
  const held = frame >= clipFrames(clip.durationSec, fps);
  return (
    <AbsoluteFill style={{ background: '#000' }}>
      <OffthreadVideo src={staticFile(clip.file)} muted={held} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
    </AbsoluteFill>
  );
};

/** Stands in for a clip that is not built yet, at the same place and size, saying how to build it. */
const PresenterPlaceholder: React.FC<{ theme: ResolvedTheme; unit: number; style: React.CSSProperties; round: boolean; seconds: number; command: string }> = ({
  theme,
  unit: u,
  style,
  round,
  seconds,
  command,
}) => (
  <div style={{ ...style, boxSizing: 'border-box', border: round ? undefined : `${3 * u}px dashed ${theme.border}`, borderRadius: round ? undefined : 24 * u, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'flex-end', overflow: 'hidden' }}>
    <svg viewBox="0 0 100 100" style={{ width: '70%', flex: 1, minHeight: 0 }} preserveAspectRatio="xMidYMax meet">
      <circle cx="50" cy="38" r="17" fill={theme.muted} fillOpacity={0.35} />
      <path d="M14 100 C14 72 30 62 50 62 C70 62 86 72 86 100 Z" fill={theme.muted} fillOpacity={0.35} />
    </svg>
    <div style={{ position: 'absolute', left: 0, right: 0, top: '8%', textAlign: 'center', color: theme.muted, fontFamily: theme.fontFamily, fontSize: 22 * u, fontWeight: 600, lineHeight: 1.35 }}>
      Presenter clip not built yet (~{seconds.toFixed(1)} s)
      <br />
      <span style={{ fontFamily: 'DejaVu Sans Mono, monospace', fontSize: 19 * u, fontWeight: 400 }}>{command}</span>
    </div>
  </div>
);

function entranceTransform(framing: Framing, side: 'left' | 'right', p: number, w: number): string {
  if (framing === 'side' || framing === 'full') return `translateX(${(1 - p) * (side === 'right' ? 1 : -1) * 0.12 * w}px)`;
  return `translateY(${(1 - p) * 0.18 * w}px) scale(${0.9 + 0.1 * p})`;
}

/** The presenter over the whole video: one clip per scene at its timeline position, in the layout's framing. */
export const PresenterTrack: React.FC<{
  timeline: Timeline;
  placement: PresenterPlacement;
  framing: Framing;
  side: 'left' | 'right';
  theme: ResolvedTheme;
  unit: number;
  /** Shown on the placeholder of a scene whose clip is not built yet. */
  buildCommand: string;
  player?: PresenterPlayer;
}> = ({
  timeline,
  placement,
  framing,
  side,
  theme,
  unit: u,
  buildCommand,
  player = 'media',
}) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const p = enter(frame, fps, 0, PRESENTER_ENTRANCE_SEC);
  const round = placement.shape === 'circle';
  const clipStyle: React.CSSProperties = { ...rectStyle(placement.clip) };
  return (
    <AbsoluteFill>
      {placement.panel ? (
        <div
          style={{
            ...rectStyle(placement.panel),
            background: `linear-gradient(180deg, color-mix(in srgb, ${theme.primary} 10%, transparent) 0%, color-mix(in srgb, ${theme.primary} 26%, transparent) 100%)`,
            borderLeft: placement.panel.x > 0 && placement.panel.y === 0 ? `${2 * u}px solid ${theme.border}` : undefined,
            borderRight: placement.panel.x === 0 && placement.panel.y === 0 ? `${2 * u}px solid ${theme.border}` : undefined,
            borderTop: placement.panel.y > 0 ? `${2 * u}px solid ${theme.border}` : undefined,
            opacity: p,
          }}
        />
      ) : null}
      <div
        style={{
          ...rectStyle(placement.box),
          opacity: Math.min(1, p * 1.6),
          transform: entranceTransform(framing, side, p, placement.box.width),
          transformOrigin: 'bottom center',
          ...(round
            ? {
                borderRadius: '50%',
                overflow: 'hidden',
                background: `radial-gradient(circle at 50% 35%, color-mix(in srgb, ${theme.primary} 55%, #0b1220) 0%, #0b1220 85%)`,
                boxShadow: `0 0 0 ${6 * u}px ${theme.primary}, 0 ${16 * u}px ${40 * u}px rgba(0,0,0,0.45)`,
              }
            : {}),
        }}
      >
        {timeline.scenes.map((s, i) =>
          s.fullFrame ? null : (
            <Sequence key={i} from={s.from} durationInFrames={s.durationInFrames} name={`Presenter ${i + 1}`} layout="none">
              {s.clip ? <PresenterClip clip={s.clip} style={clipStyle} player={player} /> : <PresenterPlaceholder theme={theme} unit={u} style={clipStyle} round={round} seconds={s.speechSec} command={buildCommand} />}
            </Sequence>
          ),
        )}
      </div>
      {timeline.scenes.map((s, i) =>
        s.fullFrame ? (
          <Sequence key={`video-${i}`} from={s.from} durationInFrames={s.durationInFrames} name={`Scene video ${i + 1}`}>
            <SceneVideo clip={s.clip} theme={theme} unit={u} seconds={s.speechSec} command={buildCommand} />
          </Sequence>
        ) : null,
      )}
    </AbsoluteFill>
  );
};
