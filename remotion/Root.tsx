import { Composition } from 'remotion';
import { calculateExplainerMetadata, Explainer } from './explainer/Explainer';
import { explainerDefaultProps } from './explainer/default-props';
import { explainerSchema } from './explainer/schema';
import { calculateSocialMetadata, Social } from './social/Social';
import { socialDefaultProps } from './social/default-props';
import { socialSchema } from './social/schema';
import { calculateSquareMetadata, Square } from './square/Square';
import { squareDefaultProps } from './square/default-props';
import { squareSchema } from './square/schema';

// Size, fps and length below are placeholders: calculateMetadata sets them from the spec's format and the clips.
const PLACEHOLDER = { durationInFrames: 300, fps: 30 } as const;

export const RemotionRoot: React.FC = () => {
  return (
    <>
      <Composition id="Explainer" component={Explainer} schema={explainerSchema} defaultProps={explainerDefaultProps} calculateMetadata={calculateExplainerMetadata} width={1920} height={1080} {...PLACEHOLDER} />
      <Composition id="Social" component={Social} schema={socialSchema} defaultProps={socialDefaultProps} calculateMetadata={calculateSocialMetadata} width={1080} height={1920} {...PLACEHOLDER} />
      <Composition id="Square" component={Square} schema={squareSchema} defaultProps={squareDefaultProps} calculateMetadata={calculateSquareMetadata} width={1080} height={1080} {...PLACEHOLDER} />
    </>
  );
};
