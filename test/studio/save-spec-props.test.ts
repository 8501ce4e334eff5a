import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SpecError } from '../../src/project/spec-error';
import { videoSpecSchema } from '../../src/spec/video-spec';
import { saveSpecProps } from '../../src/studio/save-spec-props';
import { SHORT_SPEC, tempProject } from '../helpers/project';

describe('saveSpecProps', () => {
  let cleanup: (() => Promise<void>) | null = null;
  afterEach(async () => cleanup?.());

  it('writes only the edited field (no filled-in defaults), drops derived props, and reports template options it cannot save', async () => {
    const project = await tempProject([SHORT_SPEC]);
    cleanup = project.cleanup;
    const file = project.files[0]!;
    const before = await readFile(path.join(project.root, file), 'utf8');
    // As Studio holds it: the spec with every default filled in, plus what the composition derives.
    const props = { ...videoSpecSchema.parse(JSON.parse(before)), manifest: { version: 1, clips: {} }, specFile: file, titleCard: false };
    props.scenes[1]!.title = 'Costs fell';
    const result = await saveSpecProps(project.root, file, props);
    expect(result).toEqual({ changed: true, notSaved: ['titleCard'] });
    const after = await readFile(path.join(project.root, file), 'utf8');
    expect(after).toBe(before.replace('"title": "Two"', '"title": "Costs fell"'));
  });

  it('refuses an edit that makes the spec invalid and leaves the file alone', async () => {
    const project = await tempProject([SHORT_SPEC]);
    cleanup = project.cleanup;
    const file = project.files[0]!;
    const before = await readFile(path.join(project.root, file), 'utf8');
    const bad = { ...JSON.parse(before), format: 'landscape-999p' };
    const err = await saveSpecProps(project.root, file, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).issues[0]!.path).toBe('$.format');
    expect(await readFile(path.join(project.root, file), 'utf8')).toBe(before);
  });
});
