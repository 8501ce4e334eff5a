import { staticFile, type CalculateMetadataFunction } from 'remotion';
import { formatPreset } from '../../src/spec/formats';
import { MANIFEST_PATH, manifestSchema, type Manifest } from '../../src/spec/manifest';
import { buildTimeline } from '../../src/spec/timeline';
import { explainerSchema, type ExplainerProps } from './schema';

async function loadManifest(): Promise<Manifest | null> {
  const res = await fetch(staticFile(MANIFEST_PATH));
  // No manifest before the first prebuild: scenes get estimated lengths and a placeholder presenter.
  if (!res.ok) return null;
  const parsed = manifestSchema.safeParse(await res.json());
  return parsed.success ? parsed.data : null;
}

export const calculateExplainerMetadata: CalculateMetadataFunction<ExplainerProps> = async ({ props }) => {
  const spec = explainerSchema.parse(props);
  const manifest = spec.manifest ?? (await loadManifest());
  const preset = formatPreset(spec.format);
  const timeline = buildTimeline(spec, manifest, preset.fps);
  return {
    durationInFrames: timeline.durationInFrames,
    fps: preset.fps,
    width: preset.width,
    height: preset.height,
    props: { ...props, manifest },
  };
};
