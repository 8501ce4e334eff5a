// Where a frame's CPU goes: renders the example at 1080p with and without the presenter, interleaved, and prints the
// CPU time per frame of each process of the render (Chromium's browser, page and GPU/compositor processes, ffmpeg,
// Remotion's compositor, this Node process), read from /proc while it runs. Linux only.
// Run: npm run bench:profile [-- --frames 150 --reps 2 --tabs 1 --scale 1]
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, parseNumberFlag } from '../src/lib/cli-flags';
import { synthesizeManifest } from '../src/emulator/synth/synthesize-manifest';
import { compositionFor } from '../src/render/composition-for';
import { openRenderSession } from '../src/render/render-session';
import type { RenderSettingsInput } from '../src/render/render-settings';
import { videoSpecSchema } from '../src/spec/video-spec';
import { isInTree, machineLine, median, readProcesses } from './lib/machine';

const { FRAMES, REPS, TABS, SCALE } = parseCommandLine(
  {
    usage: 'Usage: npm run bench:profile [-- --frames N (150)] [--reps R (2)] [--tabs T (1)] [--scale S (1)]',
    options: { frames: { type: 'string' }, reps: { type: 'string' }, tabs: { type: 'string' }, scale: { type: 'string' } },
  },
  (v) => ({
    FRAMES: parseNumberFlag('frames', v.frames, { min: 10, max: 100_000, integer: true }) ?? 150,
    REPS: parseNumberFlag('reps', v.reps, { min: 1, max: 9, integer: true }) ?? 2,
    TABS: parseNumberFlag('tabs', v.tabs, { min: 1, max: os.availableParallelism(), integer: true }) ?? 1,
    SCALE: parseNumberFlag('scale', v.scale, { min: 0.1, max: 1 }) ?? 1,
  }),
);
if (process.platform !== 'linux') {
  console.error('bench:profile reads /proc: Linux only.');
  process.exit(2);
}
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A process's name for the table: Chromium's by its --type (its command line is rewritten with spaces, not NULs). */
function nameOf(pid: number, comm: string): string {
  let type: string | undefined;
  try {
    type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1];
  } catch {
    // ended meanwhile
  }
  if (comm === 'node') return 'node (this process: Remotion, CDP)';
  if (type) return `chromium ${type}`;
  return comm === 'chromium' || comm === 'exe' ? 'chromium browser (screenshots)' : comm;
}

/** CPU ms a frame per process name over one render: sampled every 100 ms, so processes that end in between count. */
async function profile<T>(frames: number, run: () => Promise<T>): Promise<Map<string, number>> {
  const seen = new Map<number, { name: string; from: number; to: number }>();
  const sample = () => {
    const all = readProcesses();
    for (const [pid, p] of all) {
      if (!isInTree(all, pid)) continue;
      const s = seen.get(pid);
      // Processes there before the render count from where they were; those it started, from nothing.
      if (s) s.to = p.ticks;
      else seen.set(pid, { name: nameOf(pid, p.comm), from: started ? 0 : p.ticks, to: p.ticks });
    }
  };
  let started = false;
  sample();
  started = true;
  const timer = setInterval(sample, 100);
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  sample();
  const byName = new Map<string, number>();
  for (const s of seen.values()) byName.set(s.name, (byName.get(s.name) ?? 0) + ((s.to - s.from) * 10) / frames);
  return byName;
}

const spec = videoSpecSchema.parse({ ...JSON.parse(await readFile(path.join(ROOT, 'videos/example.json'), 'utf8')), format: 'landscape-1080p' });
const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-profile-'));
const publicDir = path.join(dir, 'public');
console.log(`${machineLine()}  [start]`);
process.stderr.write('Synthesizing 720x720 presenter clips …\n');
const manifest = await synthesizeManifest(spec, publicDir, { width: 720, height: 720, tag: 'square' });
const settings: RenderSettingsInput = { concurrency: TABS, chunks: TABS, scale: SCALE };
const session = await openRenderSession({ codeRoot: ROOT, publicDir, settings });
try {
  const compositionId = compositionFor(spec);
  const variants = { 'with presenter': { ...spec, manifest }, 'placeholder instead': { ...spec, manifest: { version: 1, clips: {} } } };
  let n = 0;
  const render = (props: Record<string, unknown>, frames: number) => session.render({ compositionId, inputProps: props, outFile: path.join(dir, `r${n++}.mp4`), frameRange: [0, frames - 1] });
  await render(variants['with presenter'], 10);
  const runs = new Map<string, Map<string, number>[]>(Object.keys(variants).map((k) => [k, []]));
  for (let rep = 0; rep < REPS; rep++) {
    for (const [label, props] of rep % 2 ? Object.entries(variants).reverse() : Object.entries(variants)) {
      process.stderr.write(`  ${label} (rep ${rep + 1}/${REPS}) …\n`);
      runs.get(label)!.push(await profile(FRAMES, () => render(props, FRAMES)));
    }
  }
  const names = [...new Set([...runs.values()].flatMap((r) => r.flatMap((m) => [...m.keys()])))];
  const med = (label: string, name: string) => median(runs.get(label)!.map((m) => m.get(name) ?? 0));
  const rows = names.map((name) => ({ name, with: med('with presenter', name), without: med('placeholder instead', name) })).filter((r) => r.with + r.without >= 0.2);
  rows.sort((a, b) => b.with - a.with);
  const total = (k: 'with' | 'without') => rows.reduce((s, r) => s + r[k], 0);
  console.log(`CPU ms per frame, example at ${Math.round(1920 * SCALE)}x${Math.round(1080 * SCALE)}, ${FRAMES} frames, ${TABS} tab(s), medians of ${REPS}:`);
  console.log(`  ${'process'.padEnd(36)} ${'presenter'.padStart(10)} ${'placeholder'.padStart(12)} ${'difference'.padStart(11)}`);
  for (const r of [...rows, { name: 'total', with: total('with'), without: total('without') }]) {
    console.log(`  ${r.name.padEnd(36)} ${r.with.toFixed(1).padStart(10)} ${r.without.toFixed(1).padStart(12)} ${`${r.with - r.without >= 0 ? '+' : ''}${(r.with - r.without).toFixed(1)}`.padStart(11)}`);
  }
  console.log(`presenter overhead in CPU: ${(total('with') / total('without')).toFixed(2)}x`);
  console.log(`${machineLine()}  [end]`);
} finally {
  await session.close();
  await rm(dir, { recursive: true, force: true });
}
