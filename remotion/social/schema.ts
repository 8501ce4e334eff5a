import { z } from 'zod';
import { templatePropsSchema, transitionKindSchema } from '../shared/template-schema';

export const socialSchema = templatePropsSchema.extend({
  sceneTransition: transitionKindSchema.default('slide').describe('Between scenes'),
  captionStyle: z.enum(['bold', 'box']).default('bold').describe('bold: big outlined words, the spoken one on a pill; box: on a backing box'),
});

export type SocialProps = z.input<typeof socialSchema>;
