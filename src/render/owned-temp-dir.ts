import { mkdtempSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '../lib/pid-lock';

const PREFIX = 'heygen-remotion-';

/** A temp folder named after this process, so a later run can tell whether its owner is still alive. */
export function ownedTempDir(kind: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${kind}-${process.pid}-`));
}

/** Removes the bundle and browser folders of runs that were killed (SIGKILL leaves no chance to clean up). */
export async function sweepStaleTempDirs(): Promise<string[]> {
  const names = await readdir(os.tmpdir()).catch(() => [] as string[]);
  const stale = names.filter((n) => {
    const m = /^heygen-remotion-[a-z]+-(\d+)-/.exec(n);
    return m && Number(m[1]) !== process.pid && !isProcessAlive(Number(m[1]));
  });
  await Promise.all(stale.map((n) => rm(path.join(os.tmpdir(), n), { recursive: true, force: true })));
  return stale;
}
