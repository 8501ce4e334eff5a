import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/project';
import { readPng } from './helpers/image-diff';

const run = promisify(execFile);

// What a designer types: the CLI finds its browser through remotion.config.ts and renders the default props.
describe('npx remotion still', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hr-cli-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('renders a template with its default props, before any prebuild, through remotion.config.ts', async () => {
    const out = path.join(dir, 'square.png');
    const bin = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'remotion');
    await run(bin, ['still', 'remotion/index.ts', 'Square', out, '--scale=0.25', '--frame=150', '--log=error'], { cwd: PROJECT_ROOT, timeout: 120_000 });
    const img = await readPng(out);
    expect([img.width, img.height]).toEqual([270, 270]);
  });
});
