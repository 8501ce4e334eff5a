import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { PROJECT_ROOT, SHORT_SPEC, tempProject } from '../helpers/project';

const require = createRequire(import.meta.url);
const TSX = require.resolve('tsx');

/** Every file under a folder, as paths relative to it (dot files too). */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  } catch {
    return [];
  }
}

/** Processes whose command line mentions `text` (a temp folder of the run): none may outlive it. */
function processesMentioning(text: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(text)) out.push(`${pid}: ${cmd.slice(0, 120)}`);
    } catch {
      // gone
    }
  }
  return out;
}

describe('an interrupted render, video or batch leaves nothing behind', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  const tmpDirs: string[] = [];

  beforeAll(async () => {
    project = await tempProject([{ ...SHORT_SPEC, format: 'landscape-720p' }]);
    await runPrebuild({ root: project.root, specFiles: project.files, connect: connectFreshEmulator() });
    await writeFile(path.join(project.root, 'videos', 't-template.json'), JSON.stringify({ ...SHORT_SPEC, id: '{{id}}', format: 'landscape-720p' }));
    await mkdir(path.join(project.root, 'data'));
    await writeFile(path.join(project.root, 'data', 'rows.csv'), 'id\nfirst\nsecond\n');
  });

  afterAll(async () => {
    for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
    await project?.cleanup();
  });

  async function interrupt(script: string, args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string; tmp: string }> {
    // The child's own TMPDIR: whatever it (Remotion, Chromium, the bundler) puts there must be gone when it ends.
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'hr-interrupt-'));
    tmpDirs.push(tmp);
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', TSX, path.join(PROJECT_ROOT, 'scripts', script), ...args], {
        cwd: project.root,
        env: { ...process.env, HEYGEN_API_KEY: '', TMPDIR: tmp },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      let sent = false;
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (!sent && /render .*: [1-9]\d*\/\d+ frames/.test(stderr)) {
          sent = true;
          child.kill(signal);
        }
      });
      child.on('error', reject);
      child.on('close', (code) => (sent ? resolve({ code, stderr, tmp }) : reject(new Error(`${script} ended (${code}) before it was interrupted:\n${stderr}`))));
    });
  }

  function expectNothingLeft(tmp: string, outDir: string): void {
    // tsx-*: the loader these tests start the scripts with keeps its compile cache there; it is not the project's.
    expect(readdirSync(tmp).filter((n) => !n.startsWith('tsx-'))).toEqual([]);
    expect(processesMentioning(tmp)).toEqual([]);
    expect(filesUnder(outDir).filter((f) => /partial|\.lock$|\.tmp$/.test(f))).toEqual([]);
  }

  it('Ctrl-C during npm run render', async () => {
    const run = await interrupt('render.ts', ['videos/short.json', '--scale', '0.25'], 'SIGINT');
    expect(run.code).toBe(130);
    expectNothingLeft(run.tmp, path.join(project.root, 'out'));
  });

  it('SIGTERM during npm run batch', async () => {
    const run = await interrupt('batch.ts', ['--template', 'videos/t-template.json', '--data', 'data/rows.csv', '--scale', '0.25'], 'SIGTERM');
    expect(run.code).toBe(143);
    expectNothingLeft(run.tmp, path.join(project.root, 'out', 'batch'));
  });

  it('SIGTERM during npm run video', async () => {
    const run = await interrupt('video.ts', ['videos/short.json'], 'SIGTERM');
    expect(run.code).toBe(143);
    expectNothingLeft(run.tmp, path.join(project.root, 'out'));
    expect(filesUnder(path.join(project.root, '.heygen')).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });
});
