import { describe, expect, it } from 'vitest';
import { FORMAT_IDS } from '../../src/spec/formats';
import { TEMPLATE_IDS, TEMPLATES, templateFor } from '../../src/spec/templates';
import { videoSpecSchema } from '../../src/spec/video-spec';

describe('template registry', () => {
  it('gives every format a template, and the spec accepts exactly the registered ids', () => {
    for (const format of FORMAT_IDS) expect(TEMPLATE_IDS).toContain(templateFor({ format }));
    expect(videoSpecSchema.shape.template.unwrap().options).toEqual(TEMPLATE_IDS);
  });

  it('names a distinct composition per template', () => {
    const ids = TEMPLATE_IDS.map((t) => TEMPLATES[t].compositionId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
