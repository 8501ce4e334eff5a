import { AbsoluteFill, Sequence, useVideoConfig } from 'remotion';
import { buildTimeline } from '../../src/spec/timeline';
import { AvatarLayer } from '../components/AvatarLayer';
import { BarChart } from '../components/BarChart';
import { SceneTitle } from '../components/SceneTitle';
import { explainerSchema, type ExplainerProps } from './schema';

export const Explainer: React.FC<ExplainerProps> = (props) => {
  const spec = explainerSchema.parse(props);
  const { fps } = useVideoConfig();
  const timeline = buildTimeline(spec, spec.manifest ?? null, fps);

  return (
    <AbsoluteFill style={{ background: 'linear-gradient(135deg, #0f172a 0%, #1e293b 100%)', fontFamily: 'Inter, sans-serif' }}>
      {spec.scenes.map((scene, i) => {
        const timing = timeline.scenes[i]!;
        return (
          <Sequence key={i} from={timing.from} durationInFrames={timing.durationInFrames} name={scene.title}>
            <AbsoluteFill style={{ padding: '80px 96px' }}>
              <SceneTitle title={scene.title} />
              {scene.graphic?.type === 'bar' ? (
                <div style={{ position: 'absolute', left: 96, top: 260, width: 1100, height: 700 }}>
                  <BarChart data={scene.graphic.data} unit={scene.graphic.unit} width={1100} height={700} />
                </div>
              ) : null}
            </AbsoluteFill>
            <AvatarLayer clip={timing.clip} />
          </Sequence>
        );
      })}
    </AbsoluteFill>
  );
};
