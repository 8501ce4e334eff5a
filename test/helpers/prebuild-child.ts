import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Emulator } from '../../src/emulator/server';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface PrebuildChild {
  /** exit code and what it wrote to stderr (its progress and errors) */
  done: Promise<{ code: number | null; stderr: string }>;
  /** SIGKILL: the crash a resumed run must survive without paying twice */
  kill: () => void;
}

/** The real prebuild CLI in its own process, as HeyGen v3 with `apiKey`, against an emulator of this process (its state readable). */
export function prebuildChild(root: string, emulator: Emulator, apiKey: string, args: string[] = []): PrebuildChild {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'scripts', 'prebuild.ts'), ...args], {
    cwd: root,
    env: { ...process.env, HEYGEN_API_KEY: apiKey, HEYGEN_API_BASE_URL: emulator.url, HEYGEN_UPLOAD_BASE_URL: emulator.url, HEYGEN_API_GENERATION: 'v3' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  return { done, kill: () => child.kill('SIGKILL') };
}
