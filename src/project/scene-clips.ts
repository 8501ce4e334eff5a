import { clipFiles, clipKey, clipRequestsFor, type ClipBackend, type Generation } from '../spec/clip-request';
import type { ClipEntry, Manifest } from '../spec/manifest';
import type { VideoSpec } from '../spec/video-spec';
import type { ClipStore } from './clip-store';
import { hashReferencedFiles } from './project-files';

export interface SceneClip {
  /** The store key of the clip this scene plays (the preferred key when none is stored yet). */
  key: string;
  clip: ClipEntry | null;
  backend: ClipBackend | null;
}

/** Who may have made a scene's clip, best first: HeyGen (configured generation, then the other), then the emulator. */
function candidates(generation: Generation): [ClipBackend, Generation][] {
  const other: Generation = generation === 'v3' ? 'legacy' : 'v3';
  return [['heygen', generation], ['heygen', other], ['emulator', generation], ['emulator', other]];
}

/**
 * Which stored clip each scene of a spec plays, decided in Node by the prebuild's own key (request + the bytes of
 * its files + generation + backend), so a photo put back after an edit plays the clip made from it. A clip only
 * counts while the store says it is whole. Used by the render (and Studio's sidecar); the result goes to the
 * composition as props, so the browser never searches the manifest during a render.
 *
 * @param specFile the spec's path, for error messages about its files
 * @param generation the API generation preferred among HeyGen clips (the client's configuration)
 */
export async function resolveSceneClips(opts: { spec: VideoSpec; specFile: string; store: ClipStore; manifest: Manifest; generation: Generation }): Promise<SceneClip[]> {
  const hashes = await hashReferencedFiles(opts.specFile, opts.spec, opts.store.publicDir);
  return clipRequestsFor(opts.spec).map((request) => {
    const files = Object.fromEntries(clipFiles(request).map((f) => [f, hashes[f] ?? 'missing']));
    const keys = candidates(opts.generation).map(([backend, generation]) => ({ backend, key: clipKey(request, generation, backend, files) }));
    const found = keys.find(({ key }) => opts.store.has(opts.manifest, key));
    if (!found) return { key: keys[0]!.key, clip: null, backend: null };
    return { key: found.key, clip: opts.manifest.clips[found.key]!, backend: found.backend };
  });
}
