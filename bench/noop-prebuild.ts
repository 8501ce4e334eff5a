// A prebuild with nothing to do must not get slower as the clip store grows: 100 specs whose clips are all stored,
// timed with only their 100 clips in the store and again with 900 more (1,000), in-process (runPrebuild, what
// grows with the store) and as `npm run prebuild` (adds Node/tsx start-up and the emulator's start), interleaved.
// Run: npm run bench:noop-prebuild [-- --reps 5]
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectHeyGen } from '../scripts/lib/connect-heygen';
import { runPrebuild } from '../src/jobs/run-prebuild';
import { parseCommandLine, parseNumberFlag } from '../src/lib/cli-flags';
import { ClipStore } from '../src/project/clip-store';
import { tempProject } from '../src/project/temp-project';
import type { ClipEntry, Manifest } from '../src/spec/manifest';
import type { VideoSpecInput } from '../src/spec/video-spec';
import { machineLine, median } from './lib/machine';

const { REPS } = parseCommandLine({ usage: 'Usage: npm run bench:noop-prebuild [-- --reps R (5)]', options: { reps: { type: 'string' } } }, (v) => ({
  REPS: parseNumberFlag('reps', v.reps, { min: 1, max: 50, integer: true }) ?? 5,
}));
const SPECS = 100;
const STORE = 1000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');
delete process.env.HEYGEN_API_KEY;

const words = Array.from({ length: 40 }, (_, i) => ({ word: `word${i}`, start: i * 0.3, end: i * 0.3 + 0.25 }));
const specs: VideoSpecInput[] = Array.from({ length: SPECS }, (_, i) => ({
  id: `v${i}`,
  format: 'landscape-720p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  scenes: [{ title: `Video ${i}`, script: `Hello number ${i}, this is your quarter.`, graphic: { type: 'kpi', items: [{ label: 'Sales', value: i }] } }],
}));

/** A stored clip as the prebuild leaves it: file, subtitles, completion marker and manifest entry (the bytes are not a real video: nothing here decodes them). */
async function storeClip(store: ClipStore, manifest: Manifest, key: string, requestKey: string): Promise<void> {
  const bytes = Buffer.alloc(2048, key.length);
  await writeFile(store.videoPath(key), bytes);
  await writeFile(store.subtitlesPath(key), '1\n00:00:00,000 --> 00:00:02,000\nHello\n');
  const entry: ClipEntry = { requestKey, generation: 'v3', backend: 'emulator', videoId: `vid-${key}`, file: store.relative(store.videoPath(key)), durationSec: 12, fps: 25, width: 720, height: 720, sizeBytes: bytes.length, subtitles: store.relative(store.subtitlesPath(key)), words, createdAt: new Date(0).toISOString() };
  manifest.clips[key] = entry;
  await store.markComplete(key, { videoId: entry.videoId, bytes: bytes.length, durationSec: entry.durationSec, kind: 'avatar-clip', entry });
}

function cli(root: string, files: string[]): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, path.join(ROOT, 'scripts', 'prebuild.ts'), ...files], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, HEYGEN_API_KEY: '' } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve((performance.now() - t0) / 1000) : reject(new Error(`npm run prebuild exited ${code}:\n${err}`))));
  });
}

console.log(`${machineLine()}  [start]`);
const projects = { small: await tempProject(specs), large: await tempProject(specs) };
try {
  // The keys the specs' clips are stored under, from a dry run (nothing sent).
  const planned = await runPrebuild({ root: projects.small.root, specFiles: projects.small.files, connect: connectHeyGen, dryRun: true });
  for (const [size, project] of Object.entries(projects)) {
    const store = new ClipStore(project.root);
    await mkdir(store.dir, { recursive: true });
    const manifest: Manifest = { version: 1, clips: {} };
    for (const c of planned.plan.clips) await storeClip(store, manifest, c.key, c.requestKey);
    if (size === 'large') for (let i = planned.plan.clips.length; i < STORE; i++) await storeClip(store, manifest, `other-${i.toString().padStart(4, '0')}`, `other-request-${i}`);
    await store.writeManifest(manifest);
  }
  const t = { small: { lib: [] as number[], cli: [] as number[] }, large: { lib: [] as number[], cli: [] as number[] } };
  for (let rep = 0; rep < REPS; rep++) {
    for (const size of rep % 2 ? (['large', 'small'] as const) : (['small', 'large'] as const)) {
      const p = projects[size];
      const t0 = performance.now();
      const r = await runPrebuild({ root: p.root, specFiles: p.files, connect: connectHeyGen });
      t[size].lib.push((performance.now() - t0) / 1000);
      if (r.generated || r.failed.length || r.plan.clips.some((c) => !c.cached)) throw new Error(`the ${size} store's prebuild was not a no-op`);
      t[size].cli.push(await cli(p.root, p.files));
      process.stderr.write(`  rep ${rep + 1}/${REPS} ${size}: ${t[size].lib.at(-1)!.toFixed(2)} s in-process, ${t[size].cli.at(-1)!.toFixed(2)} s as npm run prebuild\n`);
    }
  }
  const m = (xs: number[]) => median(xs).toFixed(2);
  console.log(
    [
      `no-op prebuild, ${SPECS} specs all stored, medians of ${REPS} interleaved runs:`,
      `  runPrebuild (in-process, emulator start included): ${SPECS} clips in the store ${m(t.small.lib)} s, ${STORE} clips ${m(t.large.lib)} s (${(median(t.large.lib) / median(t.small.lib)).toFixed(2)}x)  target < 1 s`,
      `  npm run prebuild (adds Node/tsx start-up):        ${SPECS} clips in the store ${m(t.small.cli)} s, ${STORE} clips ${m(t.large.cli)} s (${(median(t.large.cli) / median(t.small.cli)).toFixed(2)}x)`,
      `${machineLine()}  [end]`,
    ].join('\n'),
  );
} finally {
  await projects.small.cleanup();
  await projects.large.cleanup();
}
