import { existsSync } from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../heygen/config';
import { ClipStore } from '../project/clip-store';
import { resolveSceneClips, type SceneClip } from '../project/scene-clips';
import { formatPreset } from '../spec/formats';
import type { ClipEntry, Manifest } from '../spec/manifest';
import { buildTimeline, type Timeline } from '../spec/timeline';
import type { VideoSpec } from '../spec/video-spec';

export interface RenderProps {
  /** Each scene's clip as decided here (null: not built yet, the scene gets its estimated length). */
  timeline: Timeline;
  /** The manifest entries the scenes use, and only those, so props stay small however many clips the store holds. */
  manifest: Manifest;
  /** Per scene, for the composition's `sceneClips` prop: the browser plays these and searches nothing. */
  sceneClips: (ClipEntry | null)[];
  /** Per scene, the store key and who made the clip ('emulator': a placeholder). */
  chosen: SceneClip[];
}

/**
 * Which stored clip plays each scene of a spec, by the prebuild's own key (resolveSceneClips): the one decision
 * both `npm run render` and Studio's compositions (scripts/studio.ts) pass to the composition, so Studio shows
 * exactly the clips a render would use. `root` is the project (its public/ holds the clip store).
 */
export async function renderPropsFor(opts: { root: string; file: string; spec: VideoSpec; manifest: Manifest }): Promise<RenderProps> {
  const chosen = await resolveSceneClips({ spec: opts.spec, specFile: opts.file, store: new ClipStore(opts.root), manifest: opts.manifest, generation: resolveConfig().generation });
  const publicDir = new ClipStore(opts.root).publicDir;
  // A prepared copy that is gone (deleted by hand) is not waited for: the original plays instead.
  const sceneClips = chosen.map((c) => (c.clip?.prepared && !existsSync(path.join(publicDir, c.clip.prepared.file)) ? { ...c.clip, prepared: undefined } : c.clip));
  const timeline = buildTimeline(opts.spec, opts.manifest, formatPreset(opts.spec.format).fps, sceneClips);
  const manifest: Manifest = { version: 1, clips: Object.fromEntries(chosen.flatMap((c, i) => (sceneClips[i] ? [[c.key, sceneClips[i]]] : []))) };
  return { timeline, manifest, sceneClips, chosen };
}
