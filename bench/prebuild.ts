// Prebuild orchestration speed: N clips against an emulator whose renders take L seconds with a cap of C
// concurrent jobs should finish in about ceil(N/C)·L. Prints the ratio to that ideal and the speed-up over
// the naive loop (create -> poll -> download, one clip at a time). Run: npm run bench:prebuild [-- N L C]
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHeyGenClient } from '../src/heygen';
import { startEmulator } from '../src/emulator/server';
import { synthesizeClip, type ClipRequest, type ClipResult } from '../src/emulator/synth';
import { runPrebuild } from '../src/jobs/run-prebuild';
import { parseCommandLine, parseNumberArg } from '../src/lib/cli-flags';
import { tempProject } from '../src/project/temp-project';

const [N = 12, L = 2, C = 4] = parseCommandLine({ usage: 'Usage: npm run bench:prebuild [-- N L C]   N clips (12), emulator latency L seconds (2), cap C (4)', options: {}, positionals: { max: 3 } }, (_v, [n, l, c]) => [
  parseNumberArg('N', n, { min: 1, max: 1000, integer: true }),
  parseNumberArg('L', l, { min: 0, max: 600 }),
  parseNumberArg('C', c, { min: 1, max: 100, integer: true }),
]);
const work = await mkdtemp(path.join(os.tmpdir(), 'bench-prebuild-'));

// One real clip made up front and copied for every job: the emulator's latency is then L, not the synthesis.
const sample = path.join(work, 'sample.webm');
const made = await synthesizeClip({ width: 720, height: 720, speech: { text: 'Benchmark.' } }, sample);
const fastSynth = async (_req: ClipRequest, out: string): Promise<ClipResult> => {
  await copyFile(sample, out);
  return made;
};

const emulator = await startEmulator({ timing: { pendingMs: 0, processingMinMs: L * 1000 }, concurrencyCap: C, synthesize: fastSynth, synthParallelism: 8 });
const client = createHeyGenClient({ apiKey: 'bench', baseUrl: emulator.url, uploadBaseUrl: emulator.url });
const spec = (tag: string) => ({
  id: `bench-${tag}`,
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  scenes: Array.from({ length: N }, (_, i) => ({ title: `Scene ${i}`, script: `Run ${tag}, clip number ${i}.` })),
});

try {
  const pipelined = await tempProject([spec('pipelined')]);
  const t0 = performance.now();
  const result = await runPrebuild({
    root: pipelined.root,
    concurrency: C,
    connect: async () => ({ client, describe: emulator.url, close: async () => {} }),
  });
  const pipelinedSec = (performance.now() - t0) / 1000;
  if (result.generated !== N) throw new Error(`expected ${N} clips, got ${result.generated}: ${JSON.stringify(result.failed)}`);

  const t1 = performance.now();
  for (let i = 0; i < N; i++) {
    const { videoId } = await client.createAvatarClip(
      { avatarId: 'Angela-inblackskirt-20220820', voiceId: '1bd001e7e50f421d891986aad5158bc8', script: `Sequential clip ${i}.`, resolution: '720p', aspectRatio: '1:1' },
      { idempotencyKey: `bench-seq-${Date.now()}-${i}` },
    );
    await client.waitForVideo(videoId);
    await client.downloadVideo(videoId, path.join(work, `seq-${i}.webm`));
  }
  const sequentialSec = (performance.now() - t1) / 1000;

  const ideal = Math.ceil(N / C) * L;
  const lines = [
    `clips N=${N}, emulator latency L=${L}s, concurrency cap C=${C}`,
    `ideal ceil(N/C)·L:          ${ideal.toFixed(1)} s`,
    `prebuild (concurrency ${C}):  ${pipelinedSec.toFixed(1)} s   ratio to ideal ${(pipelinedSec / ideal).toFixed(2)} (target <= 1.1)`,
    `sequential loop:            ${sequentialSec.toFixed(1)} s   prebuild speed-up ${(sequentialSec / pipelinedSec).toFixed(2)}x`,
  ];
  console.log(lines.join('\n'));
  await writeFile(path.join(work, 'result.txt'), lines.join('\n'));
  await pipelined.cleanup();
} finally {
  await client.close();
  await emulator.close();
  await rm(work, { recursive: true, force: true });
}
