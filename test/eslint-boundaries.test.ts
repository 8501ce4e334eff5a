import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/project';

const eslint = new ESLint({ cwd: PROJECT_ROOT });

/** The boundary rules' messages for `code` as if it were the file at `file` (the project's own eslint.config.mjs). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(PROJECT_ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('ESLint keeps the architecture (eslint.config.mjs)', () => {
  it('fails a real remotion/ file once it imports node:fs', async () => {
    const root = await readFile(path.join(PROJECT_ROOT, 'remotion/Root.tsx'), 'utf8');
    expect(await boundaryErrors('remotion/Root.tsx', root)).toEqual([]);
    const errors = await boundaryErrors('remotion/Root.tsx', `import { readFileSync } from 'node:fs';\n${root}\nexport const leak = readFileSync;\n`);
    expect(errors).toEqual([expect.stringMatching(/'node:fs' import is restricted.*browser bundle/)]);
  });

  it.each([
    ["import fs from 'fs';", 'a bare built-in'],
    ["import { readFile } from 'fs/promises';", 'a built-in subpath'],
    ["export const load = () => import('node:child_process');", 'a dynamic import'],
    ["import { request } from 'undici';", 'undici'],
    ["import { createHeyGenClient } from '../src/heygen';", 'the HeyGen client'],
    ["import { renderVideo } from '../src/render/render-video';", 'Node-side src/ code'],
  ])('refuses %s in remotion/ (%s)', async (line) => {
    expect(await boundaryErrors('remotion/components/Probe.tsx', `${line}\n`)).not.toEqual([]);
  });

  it('refuses Node built-ins and the client in the shared model src/spec/, and lets it import its own files', async () => {
    expect(await boundaryErrors('src/spec/probe.ts', "import { createHash } from 'node:crypto';\n")).toHaveLength(1);
    expect(await boundaryErrors('src/spec/probe.ts', "import { transport } from '../heygen/transport';\n")).toHaveLength(1);
    expect(await boundaryErrors('src/spec/probe.ts', "import { videoSpecSchema } from './video-spec';\nimport { z } from 'zod';\n")).toEqual([]);
    expect(await boundaryErrors('remotion/components/Probe.tsx', "import { videoSpecSchema } from '../../src/spec/video-spec';\nimport { AbsoluteFill } from 'remotion';\n")).toEqual([]);
  });

  it.each(['src/jobs', 'src/project', 'src/render', 'src/batch', 'src/heygen'])('refuses the emulator in %s; scripts/ may start it', async (dir) => {
    expect(await boundaryErrors(`${dir}/probe.ts`, "import { startEmulator } from '../emulator/server';\n")).toHaveLength(1);
    expect(await boundaryErrors('scripts/probe.ts', "import { startEmulator } from '../src/emulator/server';\n")).toEqual([]);
  });

  it.each(['src/render/probe.ts', 'src/emulator/probe.ts', 'bench/probe.ts'])('refuses test/ code in %s', async (file) => {
    const rel = path.relative(path.dirname(file), 'test/helpers/project');
    expect(await boundaryErrors(file, `import { SHORT_SPEC } from '${rel}';\n`)).toHaveLength(1);
  });
});
