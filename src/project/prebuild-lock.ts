import path from 'node:path';
import { acquirePidLock } from '../lib/pid-lock';

/** One prebuild per project at a time: two would submit the same clips and fight over the manifest. */
export function acquirePrebuildLock(root: string): Promise<() => Promise<void>> {
  const file = path.join(root, '.heygen', 'prebuild.lock');
  return acquirePidLock(file, (pid) => new Error(`Another prebuild (pid ${pid}) is running in this project; wait for it, or delete ${path.relative(root, file)} if it is not.`));
}
