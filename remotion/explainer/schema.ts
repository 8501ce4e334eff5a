import { z } from 'zod';
import { manifestSchema } from '../../src/spec/manifest';
import { videoSpecSchema } from '../../src/spec/video-spec';

export const explainerSchema = videoSpecSchema.extend({
  // Filled in by calculateMetadata from public/clips/manifest.json; leave empty when editing.
  manifest: manifestSchema.nullable().optional(),
});

export type ExplainerProps = z.input<typeof explainerSchema>;
