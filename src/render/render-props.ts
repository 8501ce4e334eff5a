import { formatPreset } from '../spec/formats';
import type { Manifest } from '../spec/manifest';
import { buildTimeline, type Timeline } from '../spec/timeline';
import type { VideoSpec } from '../spec/video-spec';

export interface RenderProps {
  /** Each scene's clip as decided here (null: not built yet, the scene gets its estimated length). */
  timeline: Timeline;
  /** The manifest entries the scenes use, and only those, so props stay small however many clips the store holds. */
  manifest: Manifest;
}

/**
 * Which stored clip plays each scene of a spec: the one decision both `npm run render` and Studio's compositions
 * (scripts/studio.ts) pass to the composition, so Studio shows exactly the clips a render would use.
 */
export function renderPropsFor(spec: VideoSpec, manifest: Manifest): RenderProps {
  const timeline = buildTimeline(spec, manifest, formatPreset(spec.format).fps);
  const used = new Set(timeline.scenes.map((s) => s.clip));
  return { timeline, manifest: { version: 1, clips: Object.fromEntries(Object.entries(manifest.clips).filter(([, entry]) => used.has(entry))) } };
}
