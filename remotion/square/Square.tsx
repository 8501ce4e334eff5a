import { useMemo } from 'react';
import { makeCalculateMetadata } from '../shared/calculate-template-metadata';
import { TemplateVideo } from '../components/TemplateVideo';
import { squareSchema, type SquareProps } from './schema';

/** 1:1 and 4:5 feeds: the graphic on top, the presenter below it, captions beside the presenter. */
export const Square: React.FC<SquareProps> = (props) => {
  const spec = useMemo(() => squareSchema.parse(props), [props]);
  return (
    <TemplateVideo
      spec={spec}
      look={{ template: 'square', captionStyle: 'box', captionPageMs: 1800, captionMaxChars: 56, titleCard: spec.titleCard, lowerThird: spec.lowerThird ?? null }}
    />
  );
};

export const calculateSquareMetadata = makeCalculateMetadata<SquareProps>();
