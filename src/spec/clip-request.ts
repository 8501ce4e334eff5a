import { contentHash } from './content-hash';
import { presenterClipFormat, type AspectRatio, type Resolution } from './formats';
import type { VideoSpec } from './video-spec';

export type Generation = 'v3' | 'legacy';
/** Who made a clip: HeyGen itself, or the local emulator's placeholder presenter. */
export type ClipBackend = 'heygen' | 'emulator';

/** Everything that decides what HeyGen renders for one scene; nothing else may change a clip's key. */
export interface ClipRequest {
  avatarId: string;
  voiceId: string;
  speed: number;
  script: string;
  resolution: Resolution;
  aspect: AspectRatio;
  width: number;
  height: number;
}

export function clipRequestsFor(spec: VideoSpec): ClipRequest[] {
  const clip = presenterClipFormat(spec.format);
  return spec.scenes.map((scene) => ({
    avatarId: spec.avatar.id,
    voiceId: spec.voice.id,
    speed: spec.voice.speed,
    script: scene.script.trim(),
    resolution: clip.resolution,
    aspect: clip.aspect,
    width: clip.width,
    height: clip.height,
  }));
}

/** Same content, same key, whichever generation made it: the composition looks clips up by this. */
export function requestKey(request: ClipRequest): string {
  return contentHash(request);
}

/**
 * The store key of a clip: the request plus the API generation and backend that produced it, so a
 * placeholder made offline is never mistaken for a paid HeyGen clip once a key is set.
 */
export function clipKey(request: ClipRequest, generation: Generation, backend: ClipBackend): string {
  return contentHash({ backend, generation, request });
}
