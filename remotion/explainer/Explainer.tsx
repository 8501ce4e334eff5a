import { useMemo } from 'react';
import { makeCalculateMetadata } from '../shared/calculate-template-metadata';
import { TemplateVideo } from '../components/TemplateVideo';
import { explainerSchema, type ExplainerProps } from './schema';

/** 16:9: title card, a graphic per scene beside the presenter (picture-in-picture by default), lower third, boxed captions, logo. */
export const Explainer: React.FC<ExplainerProps> = (props) => {
  const spec = useMemo(() => explainerSchema.parse(props), [props]);
  return (
    <TemplateVideo
      spec={spec}
      look={{ template: 'explainer', captionStyle: 'box', captionPageMs: 2600, captionMaxChars: 90, titleCard: spec.titleCard, lowerThird: spec.lowerThird ?? null }}
    />
  );
};

export const calculateExplainerMetadata = makeCalculateMetadata<ExplainerProps>();
