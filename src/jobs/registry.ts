import type { JobKind } from './job';
import { avatarClipKind } from './kinds/avatar-clip';
import { templateVideoKind } from './kinds/template-video';
import { agentVideoKind } from './kinds/agent-video';
import { lipsyncVideoKind } from './kinds/lipsync-video';
import { photoAvatarKind } from './kinds/photo-avatar';
import { videoTranslationKind } from './kinds/video-translation';
import { translationProofreadKind } from './kinds/translation-proofread';
import { proofreadVideoKind } from './kinds/proofread-video';

/**
 * Every kind of HeyGen work the scheduler can run, by Job.kind. To add one: write src/jobs/kinds/<kind>.ts
 * implementing JobKind (job.ts), add it here, and (if it waits on a new resource) a StatusSource in
 * status-sources.ts. The scheduler stays as it is.
 */
export const JOB_KINDS: Record<string, JobKind<never>> = {
  'avatar-clip': avatarClipKind as JobKind<never>,
  'template-video': templateVideoKind as JobKind<never>,
  'agent-video': agentVideoKind as JobKind<never>,
  'lipsync-video': lipsyncVideoKind as JobKind<never>,
  'photo-avatar': photoAvatarKind as JobKind<never>,
  'video-translation': videoTranslationKind as JobKind<never>,
  'translation-proofread': translationProofreadKind as JobKind<never>,
  'proofread-video': proofreadVideoKind as JobKind<never>,
};
