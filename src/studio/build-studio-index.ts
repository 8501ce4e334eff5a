import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ClipStore } from '../project/clip-store';
import { loadSpec } from '../project/load-spec';
import { defaultSpecFiles } from '../project/spec-files';
import { SpecError } from '../project/spec-error';
import { renderPropsFor } from '../render/render-props';
import type { Manifest } from '../spec/manifest';
import type { StudioEntry, StudioIndex } from '../spec/studio-index';
import { templateFor } from '../spec/templates';

/** A composition id for a file whose spec gives none: its name in lowercase letters, digits and dashes. */
function idFromFileName(file: string): string {
  const base = path.basename(file, '.json').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return base || 'spec';
}

/** The id a broken file still names, so its composition keeps its place (and URL) in Studio while it is broken. */
async function idStillNamed(root: string, file: string): Promise<string> {
  try {
    const json = JSON.parse(await readFile(path.join(root, file), 'utf8')) as { id?: unknown };
    if (typeof json.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(json.id)) return json.id;
  } catch {
    // unreadable or not JSON: fall back to the file name
  }
  return idFromFileName(file);
}

async function entryFor(root: string, file: string, manifest: Manifest): Promise<StudioEntry> {
  try {
    const { spec } = await loadSpec(file, root);
    const { timeline, manifest: used, sceneClips } = await renderPropsFor({ root, file, spec, manifest });
    // The spec with its defaults filled in: Studio's props panel walks every field of the schema and needs its value.
    return { kind: 'spec', id: spec.id, file, template: templateFor(spec), props: { ...spec, manifest: used, sceneClips, specFile: file }, missingClips: timeline.missingClips };
  } catch (err) {
    const issues = err instanceof SpecError ? err.issues : [{ path: '$', message: (err as Error).message }];
    return { kind: 'error', id: await idStillNamed(root, file), file, issues };
  }
}

/** Gives each entry its own composition id: a second spec with a taken id becomes an error that says so. */
function withDistinctIds(entries: StudioEntry[]): StudioEntry[] {
  const taken = new Map<string, string>();
  return entries.map((e) => {
    const first = taken.get(e.id);
    if (first === undefined) {
      taken.set(e.id, e.file);
      return e;
    }
    let id = idFromFileName(e.file);
    for (let n = 2; taken.has(id); n++) id = `${idFromFileName(e.file)}-${n}`;
    taken.set(id, e.file);
    const clash = { path: '$.id', message: `"${e.id}" is also the id of ${first}; give each spec its own id (it names out/<id>.mp4)` };
    return { kind: 'error', id, file: e.file, issues: e.kind === 'error' ? [clash, ...e.issues] : [clash] };
  });
}

/** Every spec in videos/ as Studio shows it: valid ones with the clips a render would use, broken ones with their errors. */
export async function buildStudioIndex(root: string): Promise<StudioIndex> {
  const files = await defaultSpecFiles(root);
  const manifest = await new ClipStore(root).readManifest();
  const entries = await Promise.all(files.map((f) => entryFor(root, f, manifest)));
  return { version: 1, entries: withDistinctIds(entries) };
}
