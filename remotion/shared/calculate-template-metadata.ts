import type { CalculateMetadataFunction } from 'remotion';
import { formatPreset } from '../../src/spec/formats';
import { buildTimeline } from '../../src/spec/timeline';
import { loadCaptionTrack, loadManifest } from './load-manifest';
import { templatePropsSchema, type TemplatePropsInput } from './template-schema';

/**
 * Props whose demo values no real spec would have (a Northwind title, a sample logo, a sample manifest, a named lower
 * third). Template options are not listed: their demo values equal the schema defaults, so inheriting them is harmless.
 */
const DEMO_ONLY = ['title', 'theme', 'lowerThird', 'manifest', 'captionTracks'] as const;

/**
 * Remotion fills every top-level prop a render leaves out from defaultProps, so a spec without a title would get the
 * demo's title card, logo, lower third and sample manifest. When the props are not the demo (another `id`), such a
 * value equal to the demo's is dropped and the template's own default applies.
 */
export function withoutDemoLeftovers<P extends Record<string, unknown>>(props: P, defaults: Record<string, unknown>): P {
  if (props.id === defaults.id) return props;
  const out: Record<string, unknown> = { ...props };
  for (const key of DEMO_ONLY) {
    if (key in defaults && JSON.stringify(out[key]) === JSON.stringify(defaults[key])) delete out[key];
  }
  return out as P;
}

/**
 * Size and fps from the spec's format, length from buildTimeline over the manifest (the `manifest` prop, else
 * public/clips/manifest.json), and each scene's captions, so the components render without fetching.
 */
export function makeCalculateMetadata<P extends TemplatePropsInput>(): CalculateMetadataFunction<P> {
  return async ({ props: given, defaultProps }) => {
    const props = withoutDemoLeftovers(given as P & Record<string, unknown>, defaultProps as Record<string, unknown>);
    const spec = templatePropsSchema.parse(props);
    const manifest = spec.manifest ?? (await loadManifest());
    const preset = formatPreset(spec.format);
    const timeline = buildTimeline(spec, manifest, preset.fps, spec.sceneClips);
    const captionTracks = spec.captionTracks ?? (await Promise.all(timeline.scenes.map((s) => loadCaptionTrack(s.clip))));
    return {
      durationInFrames: timeline.durationInFrames,
      fps: preset.fps,
      width: preset.width,
      height: preset.height,
      props: { ...props, manifest, captionTracks },
    };
  };
}
