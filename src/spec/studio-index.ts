import type { TemplateId } from './templates';

/** Where scripts/studio.ts writes the index of videos/ for Root.tsx (under public/, so Studio serves and watches it). */
export const STUDIO_INDEX_PATH = '_studio/index.json';

export interface StudioSpecEntry {
  kind: 'spec';
  /** The composition's id in Studio: the spec's own id. */
  id: string;
  /** The spec file, relative to the project ("videos/q3.json"). */
  file: string;
  template: TemplateId;
  /** The spec (defaults filled in), the clips the render would use (`manifest`) and `specFile`. */
  props: Record<string, unknown>;
  missingClips: number;
}

export interface StudioErrorEntry {
  kind: 'error';
  /** The spec's id when the file still names one, else one made from the file name. */
  id: string;
  file: string;
  issues: { path: string; message: string }[];
}

export type StudioEntry = StudioSpecEntry | StudioErrorEntry;

export interface StudioIndex {
  version: 1;
  entries: StudioEntry[];
}

/** Template props that are not spec fields: resolved for the composition, never written back into a spec file. */
export const DERIVED_PROPS = ['manifest', 'sceneClips', 'captionTracks', 'specFile'] as const;
