import { SpecError } from '../project/spec-error';

/** Refuses specs that share an id before anything is made: both would render to out/<id>.mp4, one over the other. */
export function checkDistinctIds(specs: readonly { file: string; spec: { id: string } }[]): void {
  const first = new Map<string, string>();
  for (const { file, spec } of specs) {
    const earlier = first.get(spec.id);
    if (earlier !== undefined) {
      throw new SpecError(file, [{ path: '$.id', message: `"${spec.id}" is also the id of ${earlier}, and both would render to out/${spec.id}.mp4; give each spec its own id` }]);
    }
    first.set(spec.id, file);
  }
}
