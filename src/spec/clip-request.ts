import { contentHash } from './content-hash';
import { presenterClipFormat, type AspectRatio, type Resolution } from './formats';
import type { VideoSpec } from './video-spec';

export type Generation = 'v3' | 'legacy';
/** Who made a clip: HeyGen itself, or the local emulator's placeholder presenter. */
export type ClipBackend = 'heygen' | 'emulator';

/** Everything that decides what HeyGen renders for one scene; nothing else may change a clip's key. */
export interface ClipRequest {
  avatar: { type: 'look'; id: string } | { type: 'photo'; path: string };
  voice: { id: string; speed: number; pitch?: number; locale?: string };
  speech: { type: 'script'; script: string } | { type: 'audio'; path: string };
  resolution: Resolution;
  aspect: AspectRatio;
  width: number;
  height: number;
}

export function clipRequestsFor(spec: VideoSpec): ClipRequest[] {
  const clip = presenterClipFormat(spec.format);
  const avatar: ClipRequest['avatar'] = spec.avatar.photo ? { type: 'photo', path: spec.avatar.photo } : { type: 'look', id: spec.avatar.id! };
  return spec.scenes.map((scene) => ({
    avatar,
    voice: { id: spec.voice.id, speed: spec.voice.speed, pitch: spec.voice.pitch, locale: spec.voice.locale },
    speech: scene.audio ? { type: 'audio', path: scene.audio } : { type: 'script', script: scene.script!.trim() },
    resolution: clip.resolution,
    aspect: clip.aspect,
    width: clip.width,
    height: clip.height,
  }));
}

/** The files a clip request depends on (paths under public/). */
export function clipFiles(request: ClipRequest): string[] {
  const files: string[] = [];
  if (request.avatar.type === 'photo') files.push(request.avatar.path);
  if (request.speech.type === 'audio') files.push(request.speech.path);
  return files;
}

/**
 * What the composition looks clips up by: the request as written (file paths, not their bytes), computable in
 * the browser. When a referenced file changes, the prebuild makes a new clip under the same request key and the
 * newest wins.
 */
export function requestKey(request: ClipRequest): string {
  return contentHash(request);
}

/**
 * The store key of a clip: the request, the bytes of the files it uses, the API generation and the backend, so
 * a placeholder made offline is never mistaken for a paid HeyGen clip once a key is set.
 */
export function clipKey(request: ClipRequest, generation: Generation, backend: ClipBackend, fileHashes: Record<string, string> = {}): string {
  return contentHash({ backend, generation, request, files: fileHashes });
}
