import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VideoSpecInput } from '../../src/spec/video-spec';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A throwaway project folder (videos/, public/) so tests never touch the real clip store. */
export async function tempProject(specs: VideoSpecInput[]): Promise<{ root: string; files: string[]; cleanup(): Promise<void> }> {
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

export const SHORT_SPEC: VideoSpecInput = {
  id: 'short',
  format: 'landscape-1080p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  scenes: [
    { title: 'One', script: 'Sales went up.', graphic: { type: 'bar', data: [{ label: 'A', value: 1 }, { label: 'B', value: 3 }] } },
    { title: 'Two', script: 'Costs went down.', graphic: { type: 'bar', data: [{ label: 'C', value: 5 }, { label: 'D', value: 2 }] } },
  ],
};
