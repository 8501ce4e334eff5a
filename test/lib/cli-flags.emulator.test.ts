import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SHORT_SPEC, tempProject } from '../helpers/project';

const TSX = createRequire(import.meta.url).resolve('tsx');
const running = new Set<ChildProcess>();

/** Runs a script of the project as a user would (node + tsx), in `cwd`, and answers with its exit code and output. */
function runScript(script: string, args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.HEYGEN_API_KEY;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', TSX, path.join(PROJECT_ROOT, script), ...args], { cwd, env }, (error, stdout, stderr) => {
      running.delete(child);
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
    running.add(child);
  });
}

// Every numeric or enumerated flag of every entry point goes through src/lib/cli-flags.ts: a bad value is refused
// before the command takes a lock, starts a server or bundles anything, with exit code 2 and a message that names
// the flag, the value and what the flag accepts.
describe('bad command-line values, in the real scripts', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  beforeAll(async () => {
    project = await tempProject([SHORT_SPEC]);
  });
  afterAll(async () => {
    // a script that hangs instead of refusing its flag fails its test by timing out; it must not outlive the run
    for (const child of running) child.kill('SIGKILL');
    await project?.cleanup();
  });

  it('prebuild --concurrency abc fails at once and takes no lock (it used to hang for ever holding it)', async () => {
    const r = await runScript('scripts/prebuild.ts', ['--concurrency', 'abc', project.files[0]!], project.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--concurrency "abc" is not valid: use a whole number from 1 to 64/);
    expect(existsSync(path.join(project.root, '.heygen'))).toBe(false);
    expect(await readdir(path.join(project.root, 'public'))).toEqual([]);
  });

  it.concurrent.each([
    ['scripts/prebuild.ts', ['--concurrency', '0'], /--concurrency "0" is not valid: use a whole number from 1 to 64/],
    ['scripts/prebuild.ts', ['--webhook-url', 'ftp://x'], /--webhook-url "ftp:\/\/x" is not valid: use an http:\/\/ or https:\/\/ URL/],
    ['scripts/prebuild.ts', ['--concurency', '2'], /Unknown option '--concurency'/],
    ['scripts/render.ts', ['videos/short.json', '--codec', 'av1'], /--codec "av1" is not valid: use one of h264, h265, vp8, vp9, prores/],
    ['scripts/render.ts', ['videos/short.json', '--scale', ''], /--scale "" is not valid: use a number from 0.05 to 4/],
    ['scripts/render.ts', ['--crf', '20'], /missing spec file/],
    ['scripts/batch.ts', ['--template', 't.json', '--data', 'd.csv', '--parallel', 'lots'], /--parallel "lots" is not valid: use a whole number from 1 to 8/],
    ['scripts/video.ts', ['--scale', '2'], /Unknown option '--scale'/],
    ['scripts/emulator.ts', ['--port', '80.5'], /--port "80.5" is not valid: use a whole number from 0 to 65535/],
    ['scripts/heygen.ts', ['webhooks', 'create', 'https://example.com/hook', '--events', 'avatar_video.success,video.done'], /--events "avatar_video.success,video.done" is not valid: "video.done" is not one of avatar_video.success/],
    ['scripts/heygen.ts', ['balnce'], /unknown command "balnce": use one of avatars, voices, balance, video, webhooks/],
    ['bench/render.ts', ['--reps', 'two'], /--reps "two" is not valid: use a whole number from 1 to 9/],
  ] as const)('%s %j exits 2 naming the flag, the value and what it accepts', async (script, args, message) => {
    const r = await runScript(script, [...args], project.root);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    // Refused before any work: the emulator printed no URL, nothing was written into the project.
    expect(r.stdout).toBe('');
    expect(existsSync(path.join(project.root, '.heygen'))).toBe(false);
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await runScript('scripts/prebuild.ts', ['--help'], project.root);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--concurrency N/);
  });
});
