import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export { descendantsOf } from '../../src/lib/process-tree';

/** A process's environment as it was when it started, or null if it is gone or not ours to read. */
export function environOf(pid: number): Record<string, string> | null {
  try {
    const raw = readFileSync(`/proc/${pid}/environ`, 'utf8');
    return Object.fromEntries(raw.split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  } catch {
    return null;
  }
}

export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
  } catch {
    return '';
  }
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');

const scriptArgs = (script: string, args: string[]) => ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'scripts', script), ...args];

/** Starts scripts/<script> under tsx and leaves it running (to be killed mid-work); output ignored. */
export function spawnScript(script: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): ChildProcess {
  return spawn(process.execPath, scriptArgs(script, args), { env: opts.env ?? process.env, cwd: opts.cwd ?? ROOT, stdio: 'ignore' });
}

/** Runs scripts/<script> under tsx as a child process; its exit code and output, never a throw. */
export async function runScript(script: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, scriptArgs(script, args), { env: opts.env ?? process.env, cwd: opts.cwd ?? ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
