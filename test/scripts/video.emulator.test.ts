import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SHORT_SPEC, tempProject } from '../helpers/project';

const require = createRequire(import.meta.url);
const TSX = require.resolve('tsx');

describe('npm run video', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  beforeAll(async () => {
    project = await tempProject([SHORT_SPEC, { ...SHORT_SPEC, id: 'other' }]);
    // A third file with the first one's id: out/short.mp4 would be written twice.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(project.root, 'videos', 'short-copy.json'), JSON.stringify({ ...SHORT_SPEC, scenes: [SHORT_SPEC.scenes[1]] }));
  });
  afterAll(() => project?.cleanup());

  it('refuses two specs with the same id before anything is generated or rendered', () => {
    const run = spawnSync(process.execPath, ['--import', TSX, path.join(PROJECT_ROOT, 'scripts', 'video.ts')], { cwd: project.root, env: { ...process.env, HEYGEN_API_KEY: '' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/videos\/short\.json: invalid spec\n {2}at \$\.id: "short" is also the id of videos\/short-copy\.json, and both would render to out\/short\.mp4; give each spec its own id/);
    expect(existsSync(path.join(project.root, 'public', 'clips'))).toBe(false);
    expect(existsSync(path.join(project.root, 'out'))).toBe(false);
  });
});
