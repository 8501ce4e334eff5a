import '@fontsource/inter/400.css';
import '@fontsource/inter/700.css';
import { Composition } from 'remotion';
import example from '../videos/example.json';
import { Explainer } from './explainer/Explainer';
import { calculateExplainerMetadata } from './explainer/calculate-metadata';
import { explainerSchema, type ExplainerProps } from './explainer/schema';

const defaultProps: ExplainerProps = explainerSchema.parse(example);

export const RemotionRoot: React.FC = () => {
  return (
    <Composition
      id="Explainer"
      component={Explainer}
      schema={explainerSchema}
      defaultProps={defaultProps}
      calculateMetadata={calculateExplainerMetadata}
      // Replaced by calculateMetadata from the spec's format and the clips' lengths.
      durationInFrames={300}
      fps={30}
      width={1920}
      height={1080}
    />
  );
};
