import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { VideoSpecInput } from '../spec/video-spec';

export interface TempProject {
  root: string;
  /** The spec files written, relative to root (videos/<id>.json). */
  files: string[];
  cleanup(): Promise<void>;
}

/** A throwaway project folder (videos/, public/) for tests and benchmarks, so they never touch a real clip store. */
export async function tempProject(specs: VideoSpecInput[]): Promise<TempProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'hr-project-'));
  await mkdir(path.join(root, 'videos'), { recursive: true });
  await mkdir(path.join(root, 'public'), { recursive: true });
  const files: string[] = [];
  for (const spec of specs) {
    const file = path.join('videos', `${spec.id}.json`);
    await writeFile(path.join(root, file), JSON.stringify(spec, null, 2));
    files.push(file);
  }
  return { root, files, cleanup: () => rm(root, { recursive: true, force: true }) };
}
