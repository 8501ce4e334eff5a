import { useMemo } from 'react';
import { makeCalculateMetadata } from '../shared/calculate-template-metadata';
import { TemplateVideo } from '../components/TemplateVideo';
import { socialSchema, type SocialProps } from './schema';

/** 9:16: the presenter large in the lower part, the graphic above, big word-by-word captions. */
export const Social: React.FC<SocialProps> = (props) => {
  const spec = useMemo(() => socialSchema.parse(props), [props]);
  const bold = spec.captionStyle === 'bold';
  return (
    <TemplateVideo
      spec={spec}
      look={{ template: 'social', captionStyle: spec.captionStyle, captionPageMs: bold ? 900 : 2200, captionMaxChars: bold ? 22 : 48, titleCard: false, lowerThird: null }}
    />
  );
};

export const calculateSocialMetadata = makeCalculateMetadata<SocialProps>();
