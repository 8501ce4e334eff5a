import { readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { onExitSync } from './exit-cleanup';
import path from 'node:path';

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes a lock file holding this process's id. A lock left by a dead process (kill -9, crash) is taken over; one
 * held by a live process throws what `busy(pid)` makes. Returns the release function.
 */
export async function acquirePidLock(file: string, busy: (pid: number) => Error): Promise<() => Promise<void>> {
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      // An interrupted run (Ctrl-C, SIGTERM) leaves no lock either; only a lock that is still ours is removed.
      const forget = onExitSync(() => {
        if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
      });
      return async () => {
        forget();
        await rm(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (holder !== process.pid && isProcessAlive(holder)) throw busy(holder);
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}; delete it if no other run is going.`);
}
