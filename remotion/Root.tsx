import { Composition, Folder } from 'remotion';
import { TEMPLATE_IDS } from '../src/spec/templates';
import { SpecCompositions } from './studio/SpecCompositions';
import { TEMPLATE_PARTS } from './templates';

// Size, fps and length below are placeholders: calculateMetadata sets them from the spec's format and the clips.
const PLACEHOLDER = { durationInFrames: 300, fps: 30 } as const;

export const RemotionRoot: React.FC = () => {
  return (
    <>
      <SpecCompositions />
      <Folder name="Templates">
      {TEMPLATE_IDS.map((id) => {
        const t = TEMPLATE_PARTS[id];
        return (
          <Composition
            key={id}
            id={t.compositionId}
            component={t.component}
            schema={t.schema}
            defaultProps={t.defaultProps}
            calculateMetadata={t.calculateMetadata}
            width={t.width}
            height={t.height}
            {...PLACEHOLDER}
          />
        );
      })}
      </Folder>
    </>
  );
};
