import { z } from 'zod';
import { lowerThirdSchema, templatePropsSchema } from '../shared/template-schema';

export const explainerSchema = templatePropsSchema.extend({
  titleCard: z.boolean().default(true).describe("The video's title over the first seconds (needs `title`)"),
  lowerThird: lowerThirdSchema.optional().describe("The presenter's name strap at the start"),
});

export type ExplainerProps = z.input<typeof explainerSchema>;
