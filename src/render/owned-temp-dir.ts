import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onExitSync } from '../lib/exit-cleanup';
import { isProcessAlive } from '../lib/pid-lock';

const PREFIX = 'heygen-remotion-';
/** The machine's temp folder, read once: moveTempDirIntoThisRun() later points TMPDIR into a folder of this run. */
const SYSTEM_TMP = os.tmpdir();

/** A temp folder named after this process, so a later run can tell whether its owner is still alive. */
export function ownedTempDir(kind: string): string {
  return mkdtempSync(path.join(SYSTEM_TMP, `${PREFIX}${kind}-${process.pid}-`));
}

/** Removes the bundle and browser folders of runs that were killed (SIGKILL leaves no chance to clean up). */
export async function sweepStaleTempDirs(): Promise<string[]> {
  const names = await readdir(SYSTEM_TMP).catch(() => [] as string[]);
  const stale = names.filter((n) => {
    const m = /^heygen-remotion-[a-z]+-(\d+)-/.exec(n);
    return m && Number(m[1]) !== process.pid && !isProcessAlive(Number(m[1]));
  });
  await Promise.all(stale.map((n) => rm(path.join(SYSTEM_TMP, n), { recursive: true, force: true })));
  return stale;
}

/**
 * For command-line runs: TMPDIR points at a folder of this run, so whatever Remotion, its compositor and Chromium
 * put in the temp folder goes inside it and is removed when the process exits, also on Ctrl-C or SIGTERM.
 */
export function moveTempDirIntoThisRun(): string {
  const dir = ownedTempDir('session');
  process.env.TMPDIR = dir;
  onExitSync(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
