import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One prebuild per project at a time: two would submit the same clips and fight over the manifest. */
export async function acquirePrebuildLock(root: string): Promise<() => Promise<void>> {
  const file = path.join(root, '.heygen', 'prebuild.lock');
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (holder && holder !== process.pid && alive(holder)) {
        throw new Error(`Another prebuild (pid ${holder}) is running in this project; wait for it, or delete ${path.relative(root, file)} if it is not.`);
      }
      // The holder died (kill -9, crash): its lock is stale.
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not take ${file}`);
}
