import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The specs of a project: videos/*.json, relative to the project, sorted. */
export async function defaultSpecFiles(root: string): Promise<string[]> {
  const dir = path.join(root, 'videos');
  const names = await readdir(dir).catch(() => [] as string[]);
  // Templates hold {{fields}} and are expanded by the batch command; schema files are not specs.
  return names
    .filter((n) => n.endsWith('.json') && !n.includes('template') && !n.endsWith('.schema.json'))
    .sort()
    .map((n) => path.join('videos', n));
}
