import { TEMPLATES, templateFor, type CompositionId } from '../spec/templates';
import type { VideoSpec } from '../spec/video-spec';

export type { CompositionId };

/** The composition (remotion/Root.tsx) that renders a spec: its `template`, else the one made for its format's aspect. */
export function compositionFor(spec: Pick<VideoSpec, 'template' | 'format'>): CompositionId {
  return TEMPLATES[templateFor(spec)].compositionId;
}
