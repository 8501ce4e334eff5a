import type { AspectRatio, FormatId } from './formats';
import { formatPreset } from './formats';

export const FRAMINGS = ['pip', 'side', 'full', 'circle'] as const;
export type Framing = (typeof FRAMINGS)[number];

export interface TemplateInfo {
  /** The <Composition> id in remotion/Root.tsx that renders this template. */
  compositionId: string;
  /** Format aspects this template is the default for (a spec without `template` gets the one made for its aspect). */
  aspects: readonly AspectRatio[];
  /** Presenter framing when the spec leaves `presenter.framing` out. */
  defaultFraming: Framing;
  description: string;
}

/**
 * The one list of templates. The spec schema's `template` enum, the composition a render picks, the layout's
 * per-template styles and remotion/templates.ts (what Root.tsx registers) are all keyed by it, so adding a template
 * here makes the type checker point at every place that must learn about it.
 */
export const TEMPLATES = {
  explainer: {
    compositionId: 'Explainer',
    aspects: ['16:9'],
    defaultFraming: 'pip',
    description: '16:9: title card, graphic beside a picture-in-picture presenter, lower third, boxed captions',
  },
  social: {
    compositionId: 'Social',
    aspects: ['9:16'],
    defaultFraming: 'full',
    description: '9:16: presenter large below, graphic above, big word-by-word captions',
  },
  square: {
    compositionId: 'Square',
    aspects: ['1:1', '4:5'],
    defaultFraming: 'pip',
    description: '1:1 and 4:5: graphic on top, presenter below it, captions beside the presenter',
  },
} as const satisfies Record<string, TemplateInfo>;

export type TemplateId = keyof typeof TEMPLATES;
export type CompositionId = (typeof TEMPLATES)[TemplateId]['compositionId'];
export const TEMPLATE_IDS = Object.keys(TEMPLATES) as [TemplateId, ...TemplateId[]];

/** The spec's `template`, else the template made for its format's aspect. */
export function templateFor(spec: { template?: TemplateId; format: FormatId }): TemplateId {
  if (spec.template) return spec.template;
  const { aspect } = formatPreset(spec.format);
  const found = TEMPLATE_IDS.find((id) => (TEMPLATES[id].aspects as readonly AspectRatio[]).includes(aspect));
  if (!found) throw new Error(`no template is made for the ${aspect} aspect; add it to one in src/spec/templates.ts`);
  return found;
}
