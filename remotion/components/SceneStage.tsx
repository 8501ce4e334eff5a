import { AbsoluteFill } from 'remotion';
import type { Scene } from '../../src/spec/video-spec';
import type { TemplateLayout } from '../shared/layout';
import { rectStyle } from '../shared/rect';
import type { ResolvedTheme } from '../shared/theme';
import { Backdrop } from './Backdrop';
import { Graphic } from './graphics/Graphic';
import { SceneTitle } from './SceneTitle';
import { TextOverlays } from './TextOverlays';
import { isRightToLeft } from '../../src/spec/locales';

export interface SceneStageProps {
  scene: Scene;
  layout: TemplateLayout;
  theme: ResolvedTheme;
  locale: string;
  /** Frames into the scene before its title and graphic come in (the title card on the first scene). */
  enterAt: number;
  /** The first scene without a title card shows its title from frame 0, the poster frame. */
  titleFromStart: boolean;
  /** The scene's own length; after it, `exitFrames` of exit under the transition. */
  sceneFrames: number;
  exitFrames: number;
}

/** One scene's visuals: its own background if it has one, the title, the graphic in its key area, the overlays. */
export const SceneStage: React.FC<SceneStageProps> = ({ scene, layout, theme, locale, enterAt, titleFromStart, sceneFrames, exitFrames }) => {
  const u = layout.unit;
  return (
    <AbsoluteFill>
      {scene.background ? <Backdrop background={scene.background} theme={theme} /> : null}
      <SceneTitle text={scene.title} box={layout.title} theme={theme} unit={u} enterAt={titleFromStart ? -sceneFrames : enterAt} exitAt={sceneFrames} exitFrames={exitFrames} />
      {scene.graphic ? (
        <div style={rectStyle(layout.graphic)}>
          <Graphic graphic={scene.graphic} width={layout.graphic.width} height={layout.graphic.height} theme={theme} locale={locale} scale={u} enterAt={enterAt + 8} exitAt={sceneFrames} exitFrames={exitFrames} />
        </div>
      ) : null}
      {scene.overlays?.length ? <TextOverlays overlays={scene.overlays} area={layout.graphic} theme={theme} unit={u} sceneFrames={sceneFrames} rtl={isRightToLeft(locale)} /> : null}
    </AbsoluteFill>
  );
};
