import { afterEach, describe, expect, it } from 'vitest';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { loadSpec } from '../../src/project/load-spec';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { SHORT_SPEC, tempProject } from '../helpers/project';

let project: Awaited<ReturnType<typeof tempProject>> | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

describe('money has limits', () => {
  it('a <break> pause over 10 s is a spec error naming the scene', async () => {
    project = await tempProject([{ ...SHORT_SPEC, scenes: [{ title: 'Pause', script: 'Hello <break time="600s"/> there.' }] }]);
    await expect(loadSpec(project.files[0]!, project.root)).rejects.toThrow(/at \$\.scenes\[0\]\.script: a <break> of 600 s is over the 10 s allowed per pause/);
    await project.cleanup();
    project = await tempProject([{ ...SHORT_SPEC, scenes: [{ title: 'Pause', script: 'Hello <break time="2s"/> there.' }] }]);
    expect((await loadSpec(project.files[0]!, project.root)).spec.scenes[0]!.script).toContain('2s');
  });

  it('a scene estimated over the ceiling is refused before anything is sent; --max-seconds raises it', async () => {
    const long = Array.from({ length: 800 }, () => 'word').join(' ');
    project = await tempProject([{ ...SHORT_SPEC, scenes: [{ title: 'Long', script: long }] }]);
    const err = await runPrebuild({ root: project.root, specFiles: project.files, connect: connectFreshEmulator() }).catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(/videos\/short\.json: invalid spec\n {2}at \$\.scenes\[0\]: about 320 s of video .* over the ceiling of 300 s a scene; shorten it, split it, or pass --max-seconds 320/);
    const plan = await runPrebuild({ root: project.root, specFiles: project.files, connect: connectFreshEmulator(), maxSceneSec: 400, dryRun: true });
    expect(plan.estimatedSec).toBeCloseTo(320, 0);
  });
});
