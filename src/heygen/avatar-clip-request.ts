import type { ClipAspectRatio, ClipResolution } from './clip-dimensions';

/** A transparent avatar clip, said the same way for both API generations. */
export interface AvatarClipRequest {
  /** a look id (v3) or avatar id (legacy); omit when animating a photo */
  avatarId?: string;
  /** an uploaded photo to animate (v3 `type:"image"`) */
  photoAssetId?: string;
  voiceId?: string;
  /** text to speak; exclusive with audioAssetId */
  script?: string;
  /** an uploaded audio asset to lip-sync; exclusive with script */
  audioAssetId?: string;
  speed?: number;
  /** semitones, -50 to 50 (v3 `voice_settings.pitch`) */
  pitch?: number;
  /** accent of a multilingual voice, e.g. "en-GB" (v3 `voice_settings.locale`) */
  locale?: string;
  resolution: ClipResolution;
  aspectRatio: ClipAspectRatio;
  title?: string;
  callbackUrl?: string;
  callbackId?: string;
}
