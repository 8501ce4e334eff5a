import { z } from 'zod';
import { lowerThirdSchema, templatePropsSchema, transitionKindSchema } from '../shared/template-schema';

export const squareSchema = templatePropsSchema.extend({
  sceneTransition: transitionKindSchema.default('wipe').describe('Between scenes'),
  titleCard: z.boolean().default(false).describe("The video's title over the first seconds (needs `title`)"),
  lowerThird: lowerThirdSchema.optional().describe("The presenter's name strap at the start"),
});

export type SquareProps = z.input<typeof squareSchema>;
