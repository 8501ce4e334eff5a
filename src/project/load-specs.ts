import path from 'node:path';
import { loadSpec, type LoadedSpec } from './load-spec';
import { SpecError } from './spec-error';
import { defaultSpecFiles } from './spec-files';

/** Loads the named specs (default: every one in videos/); every bad file is reported in one SpecError. */
export async function loadSpecs(root: string, files?: string[]): Promise<LoadedSpec[]> {
  const specFiles = files?.length ? files : await defaultSpecFiles(root);
  if (!specFiles.length) throw new Error(`No specs to build: put a video spec (.json) in ${path.join(root, 'videos')} or name one.`);
  const results = await Promise.allSettled(specFiles.map((f) => loadSpec(f, root)));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
  if (errors.length) {
    const other = errors.find((e) => !(e instanceof SpecError));
    if (other) throw other;
    const specErrors = errors as SpecError[];
    if (specErrors.length === 1) throw specErrors[0];
    throw new SpecError(specErrors.map((e) => e.file).join(', '), specErrors.flatMap((e) => e.issues.map((i) => ({ ...i, path: `${e.file} ${i.path}` }))));
  }
  return results.map((r) => (r as PromiseFulfilledResult<LoadedSpec>).value);
}
