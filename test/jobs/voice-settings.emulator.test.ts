import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { connectTo } from '../helpers/connect-emulator';
import { SHORT_SPEC, tempProject } from '../helpers/project';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ timing: { pendingMs: 10, processingMinMs: 10 } });
});
afterAll(() => emulator.close());

it("the spec's voice pitch and locale reach HeyGen in voice_settings (they are part of the clip key)", async () => {
  const spec = { ...SHORT_SPEC, id: 'pitched', voice: { ...SHORT_SPEC.voice, speed: 1.2, pitch: 5, locale: 'en-GB' }, scenes: [SHORT_SPEC.scenes[0]!] };
  const project = await tempProject([spec]);
  try {
    const result = await runPrebuild({ root: project.root, connect: connectTo(emulator) });
    expect(result.generated).toBe(1);
    const requests = [...emulator.stats.videos.values()].map((v) => v.request as { voice_settings?: unknown });
    expect(requests.map((r) => r.voice_settings)).toEqual([{ speed: 1.2, pitch: 5, locale: 'en-GB' }]);
  } finally {
    await project.cleanup();
  }
});
