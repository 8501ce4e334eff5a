import { formatPreset } from '../spec/formats';
import type { VideoSpec } from '../spec/video-spec';

export type CompositionId = 'Explainer' | 'Social' | 'Square';

const BY_TEMPLATE: Record<NonNullable<VideoSpec['template']>, CompositionId> = { explainer: 'Explainer', social: 'Social', square: 'Square' };

/** The composition (remotion/Root.tsx) that renders a spec: its `template`, else the one made for its format's aspect. */
export function compositionFor(spec: Pick<VideoSpec, 'template' | 'format'>): CompositionId {
  if (spec.template) return BY_TEMPLATE[spec.template];
  const { aspect } = formatPreset(spec.format);
  return aspect === '16:9' ? 'Explainer' : aspect === '9:16' ? 'Social' : 'Square';
}
