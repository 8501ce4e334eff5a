import { contentHash } from './content-hash';
import { dimensionsOf, formatPreset, presenterClipFormat, type AspectRatio, type Resolution } from './formats';
import { isImageUrl, type VideoSpec } from './video-spec';

export type Generation = 'v3' | 'legacy';
/** Who made a clip: HeyGen itself, or the local emulator's placeholder presenter. */
export type ClipBackend = 'heygen' | 'emulator';

/** Everything that decides what HeyGen renders for one scene; nothing else may change a clip's key. */
export interface ClipRequest {
  /** `persistent`: the photo is made a HeyGen photo avatar once and every clip uses that avatar (absent otherwise, so keys stay). */
  avatar: { type: 'look'; id: string } | { type: 'photo'; path: string; persistent?: true };
  voice: { id: string; speed: number; pitch?: number; locale?: string };
  speech: { type: 'script'; script: string } | { type: 'audio'; path: string };
  resolution: Resolution;
  aspect: AspectRatio;
  width: number;
  height: number;
  /** A full-frame scene made by a template or Video Agent instead of the presenter (absent for presenter clips). */
  source?: SceneVideoSource;
}

export type SceneVideoSource =
  | { type: 'template'; id: string; variables: Record<string, string | { image: string }> }
  | { type: 'agent'; prompt: string; style?: string }
  | { type: 'lipsync'; footage: string; audio: string };

export function clipRequestsFor(spec: VideoSpec): ClipRequest[] {
  const clip = presenterClipFormat(spec.format);
  const photo = spec.avatar.photo;
  const avatar: ClipRequest['avatar'] = photo ? (spec.avatar.persistent ? { type: 'photo', path: photo, persistent: true } : { type: 'photo', path: photo }) : { type: 'look', id: spec.avatar.id! };
  return spec.scenes.map((scene) => {
    const request: ClipRequest = {
      avatar,
      voice: { id: spec.voice.id, speed: spec.voice.speed, pitch: spec.voice.pitch, locale: spec.voice.locale },
      speech: scene.audio ? { type: 'audio', path: scene.audio } : { type: 'script', script: (scene.script ?? '').trim() },
      resolution: clip.resolution,
      aspect: clip.aspect,
      width: clip.width,
      height: clip.height,
    };
    const v = scene.video;
    // a full-frame scene is made in the composition's own shape (at 720p), not the presenter clip's
    if (v) Object.assign(request, { aspect: formatPreset(spec.format).aspect, ...dimensionsOf('720p', formatPreset(spec.format).aspect) });
    if (v?.type === 'template') request.source = { type: 'template', id: v.template, variables: v.variables };
    if (v?.type === 'agent') request.source = v.style ? { type: 'agent', prompt: v.prompt, style: v.style } : { type: 'agent', prompt: v.prompt };
    if (v?.type === 'lipsync') request.source = { type: 'lipsync', footage: v.footage, audio: v.audio };
    return request;
  });
}

/** The files a clip request depends on (paths under public/). */
export function clipFiles(request: ClipRequest): string[] {
  const files: string[] = [];
  if (request.avatar.type === 'photo') files.push(request.avatar.path);
  if (request.speech.type === 'audio') files.push(request.speech.path);
  if (request.source?.type === 'lipsync') files.push(request.source.footage, request.source.audio);
  if (request.source?.type === 'template') {
    for (const v of Object.values(request.source.variables)) if (typeof v !== 'string' && !isImageUrl(v.image)) files.push(v.image);
  }
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
