import { linearTiming, TransitionSeries, type TransitionPresentation } from '@remotion/transitions';
import { fade } from '@remotion/transitions/fade';
import { slide } from '@remotion/transitions/slide';
import { wipe } from '@remotion/transitions/wipe';
import { Fragment } from 'react';
import { Easing } from 'remotion';
import type { Timeline } from '../../src/spec/timeline';
import type { Scene } from '../../src/spec/video-spec';
import type { TemplateLayout } from '../shared/layout';
import { sceneSequenceDurations } from '../shared/scene-timing';
import type { TransitionKind } from '../shared/template-schema';
import type { ResolvedTheme } from '../shared/theme';
import { SceneStage } from './SceneStage';

function presentation(kind: TransitionKind): TransitionPresentation<Record<string, unknown>> {
  switch (kind) {
    case 'slide':
      return slide({ direction: 'from-right' }) as TransitionPresentation<Record<string, unknown>>;
    case 'wipe':
      return wipe({ direction: 'from-left' }) as TransitionPresentation<Record<string, unknown>>;
    default:
      return fade() as TransitionPresentation<Record<string, unknown>>;
  }
}

/** The scenes' visuals in sequence, with transitions that overlap per the rule in scene-timing.ts. */
export const ScenesTrack: React.FC<{
  scenes: Scene[];
  timeline: Timeline;
  overlap: number;
  kind: TransitionKind;
  layout: TemplateLayout;
  theme: ResolvedTheme;
  locale: string;
  introFrames: number;
}> = ({ scenes, timeline, overlap, kind, layout, theme, locale, introFrames }) => {
  const durations = sceneSequenceDurations(timeline, overlap);
  return (
    <TransitionSeries>
      {scenes.map((scene, i) => (
        <Fragment key={i}>
          <TransitionSeries.Sequence durationInFrames={durations[i]!} name={`Scene ${i + 1}: ${scene.title}`}>
            <SceneStage
              scene={scene}
              layout={layout}
              theme={theme}
              locale={locale}
              enterAt={i === 0 ? introFrames : 0}
              titleFromStart={i === 0 && introFrames === 0}
              sceneFrames={timeline.scenes[i]!.durationInFrames}
              exitFrames={i < scenes.length - 1 ? overlap : 0}
            />
          </TransitionSeries.Sequence>
          {i < scenes.length - 1 && overlap > 0 ? (
            <TransitionSeries.Transition presentation={presentation(kind)} timing={linearTiming({ durationInFrames: overlap, easing: Easing.inOut(Easing.cubic) })} />
          ) : null}
        </Fragment>
      ))}
    </TransitionSeries>
  );
};
