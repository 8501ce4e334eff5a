import { z } from 'zod';
import { clipEntrySchema, manifestSchema } from '../../src/spec/manifest';
import { videoSpecSchema } from '../../src/spec/video-spec';
import { captionTrackSchema } from './captions';

export const transitionKindSchema = z.enum(['fade', 'slide', 'wipe', 'none']);
export type TransitionKind = z.infer<typeof transitionKindSchema>;

/** `media`: @remotion/media's <Video> (WebCodecs in the page); `offthread`: Remotion's <OffthreadVideo transparent>. */
export const presenterPlayerSchema = z.enum(['media', 'offthread']);
export type PresenterPlayer = z.infer<typeof presenterPlayerSchema>;

export const lowerThirdSchema = z.object({
  name: z.string().min(1).max(60),
  role: z.string().max(80).optional(),
});

/** What every template takes: the video spec plus what calculateMetadata resolves for it. */
export const templatePropsSchema = videoSpecSchema.extend({
  manifest: manifestSchema.nullable().optional().describe('Read from public/clips/manifest.json by calculateMetadata when absent'),
  sceneClips: z.array(clipEntrySchema.nullable()).optional().describe('Per scene, chosen in Node by the prebuild key (renders); when absent the manifest is searched'),
  captionTracks: z.array(captionTrackSchema.nullable()).optional().describe('Per scene; filled in by calculateMetadata from the manifest'),
  specFile: z.string().optional().describe('The spec file this video comes from (set by `npm run studio`); named in the command that builds missing clips'),
  sceneTransition: transitionKindSchema.default('fade').describe('Between scenes'),
  presenterPlayer: presenterPlayerSchema.optional().describe('How presenter clips are decoded: media (WebCodecs, default) or offthread (for comparison)'),
});
export type TemplatePropsInput = z.input<typeof templatePropsSchema>;
export type TemplateProps = z.output<typeof templatePropsSchema>;
