import type { CalculateMetadataFunction } from 'remotion';
import type { z } from 'zod';
import { TEMPLATES, type TemplateId } from '../src/spec/templates';
import { calculateExplainerMetadata, Explainer } from './explainer/Explainer';
import { explainerDefaultProps } from './explainer/default-props';
import { explainerSchema } from './explainer/schema';
import type { TemplatePropsInput } from './shared/template-schema';
import { calculateSocialMetadata, Social } from './social/Social';
import { socialDefaultProps } from './social/default-props';
import { socialSchema } from './social/schema';
import { calculateSquareMetadata, Square } from './square/Square';
import { squareDefaultProps } from './square/default-props';
import { squareSchema } from './square/schema';

export interface TemplateParts<P extends TemplatePropsInput = TemplatePropsInput> {
  compositionId: string;
  component: React.FC<P>;
  schema: z.ZodType<P, P>;
  /** Demo props that render before any prebuild (the shipped sample clip plays every scene). */
  defaultProps: P;
  calculateMetadata: CalculateMetadataFunction<P>;
  /** The size before calculateMetadata sets it from the spec's format. */
  width: number;
  height: number;
}

/**
 * The React side of src/spec/templates.ts: keyed by the same ids, so a template added there fails to type-check
 * until it is added here, and Root.tsx registers whatever this holds.
 */
export const TEMPLATE_PARTS: { [K in TemplateId]: TemplateParts } = {
  explainer: part({ compositionId: TEMPLATES.explainer.compositionId, component: Explainer, schema: explainerSchema, defaultProps: explainerDefaultProps, calculateMetadata: calculateExplainerMetadata, width: 1920, height: 1080 }),
  social: part({ compositionId: TEMPLATES.social.compositionId, component: Social, schema: socialSchema, defaultProps: socialDefaultProps, calculateMetadata: calculateSocialMetadata, width: 1080, height: 1920 }),
  square: part({ compositionId: TEMPLATES.square.compositionId, component: Square, schema: squareSchema, defaultProps: squareDefaultProps, calculateMetadata: calculateSquareMetadata, width: 1080, height: 1080 }),
};

// Each template's props type is wider than the shared input type; erase it once here so the registry has one shape.
function part<P extends TemplatePropsInput>(p: TemplateParts<P>): TemplateParts {
  return p as unknown as TemplateParts;
}
