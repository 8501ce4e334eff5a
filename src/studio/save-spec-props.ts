import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { specErrorFromZod } from '../project/spec-error';
import { DERIVED_PROPS } from '../spec/studio-index';
import { videoSpecSchema } from '../spec/video-spec';
import { editJsonText } from './edit-json-text';

export interface SaveResult {
  changed: boolean;
  /** Props Studio sent that are template options, not spec fields: a spec cannot hold them, so they are not saved. */
  notSaved: string[];
}

/**
 * Writes props edited in Studio's props panel back into their spec file: only the values that changed are rewritten
 * (formatting, key order and everything else stay as written), and only when the result is a valid spec.
 */
export async function saveSpecProps(root: string, file: string, props: Record<string, unknown>): Promise<SaveResult> {
  const abs = path.join(root, file);
  const text = await readFile(abs, 'utf8');
  const raw = JSON.parse(text) as Record<string, unknown>;
  // Studio edited the spec with its defaults filled in; compare with that, so untouched defaults stay unwritten.
  const current = videoSpecSchema.safeParse(raw);
  if (!current.success) throw specErrorFromZod(file, current.error);
  const specKeys = new Set(Object.keys(videoSpecSchema.shape));
  const next: Record<string, unknown> = {};
  const notSaved: string[] = [];
  for (const [key, value] of Object.entries(props)) {
    if ((DERIVED_PROPS as readonly string[]).includes(key)) continue;
    if (specKeys.has(key) || key in raw) next[key] = value;
    else notSaved.push(key);
  }
  const parsed = videoSpecSchema.safeParse(next);
  if (!parsed.success) throw specErrorFromZod(file, parsed.error);
  const out = editJsonText(text, JSON.parse(JSON.stringify(next)), current.data);
  if (out === text) return { changed: false, notSaved };
  // Write beside and rename, so an editor or the prebuild never reads half a spec.
  const tmp = `${abs}.${process.pid}.studio-tmp`;
  await writeFile(tmp, out);
  await rename(tmp, abs);
  return { changed: true, notSaved };
}
