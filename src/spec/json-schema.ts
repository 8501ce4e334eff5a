import { z } from 'zod';
import { videoSpecSchema } from './video-spec';

/** The spec as JSON Schema (input side: defaults optional), so editors complete and check videos/*.json. */
export function videoSpecJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(videoSpecSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    title: 'heygen-remotion video spec',
  };
}
