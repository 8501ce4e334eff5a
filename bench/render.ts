// Render speed of the example video at 1080p, old path against new path, interleaved in one run with one bundle and
// one browser (the machine is shared: only ratios taken side by side mean something):
//  - presenter overhead: time per frame with the presenter clips against the same frames with the presenter replaced
//    by its static placeholder, for v3's 720x720 square clip and a legacy full-frame 1920x1080 WebM (the new path
//    plays the prebuild's prepared copy where there is one: 1152x648 for the legacy clip, none for the square);
//  - the whole example, old settings (OffthreadVideo, Remotion's default concurrency and JPEG quality) against the
//    new defaults (src/render/render-settings.ts).
// Run: npm run bench:render [-- --frames 180 --reps 2]      --sweep: frames/s per concurrency, image format, quality
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, parseNumberFlag } from '../src/lib/cli-flags';
import { openRenderSession } from '../src/render/render-session';
import { AUTO_CHUNK_MIN_FRAMES, LEGACY_RENDER_SETTINGS, type RenderSettingsInput } from '../src/render/render-settings';
import { compositionFor } from '../src/render/composition-for';
import { prepareClip } from '../src/project/prepare-clip';
import type { Manifest } from '../src/spec/manifest';
import { videoSpecSchema } from '../src/spec/video-spec';
import { cpuSecondsOfTree, machineLine, median } from './lib/machine';
import { synthesizeManifest } from '../src/emulator/synth/synthesize-manifest';

const { FRAMES, REPS, SWEEP } = parseCommandLine(
  { usage: 'Usage: npm run bench:render [-- --frames N (180)] [--reps R (2)] [--sweep]', options: { frames: { type: 'string' }, reps: { type: 'string' }, sweep: { type: 'boolean', default: false } } },
  (v) => ({
    FRAMES: parseNumberFlag('frames', v.frames, { min: 10, max: 100_000, integer: true }) ?? 180,
    REPS: parseNumberFlag('reps', v.reps, { min: 1, max: 9, integer: true }) ?? 2,
    SWEEP: v.sweep,
  }),
);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SPEC_FILE = 'videos/example.json';

const spec = videoSpecSchema.parse({ ...JSON.parse(await readFile(path.join(ROOT, SPEC_FILE), 'utf8')), format: 'landscape-1080p' });
const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-render-'));
const publicDir = path.join(dir, 'public');
const log = (s: string) => process.stderr.write(`${s}\n`);
console.log(`${machineLine()}  [start]`);
log('Synthesizing presenter clips (720x720 and 1920x1080 per scene) …');
const square = await synthesizeManifest(spec, publicDir, { width: 720, height: 720, tag: 'square' });
const full = await synthesizeManifest(spec, publicDir, { width: 1920, height: 1080, tag: 'full' });
// The new path plays what the prebuild leaves: a copy scaled to the largest size a template draws it at, where smaller.
log('Preparing the clips as the prebuild does …');
const prepare = async (m: Manifest): Promise<Manifest> => ({ ...m, clips: Object.fromEntries(await Promise.all(Object.entries(m.clips).map(async ([k, e]) => [k, (await prepareClip(publicDir, e)).entry] as const))) });
const [squareNew, fullNew] = [await prepare(square), await prepare(full)];
const session = await openRenderSession({ codeRoot: ROOT, publicDir });
const NEW: RenderSettingsInput = {};
const OLD = LEGACY_RENDER_SETTINGS;
const describe = (s: RenderSettingsInput) => {
  const r = { ...session.settings, ...Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) };
  const chunks = r.chunks === 'auto' ? `ranges auto (one per tab from ${2 * AUTO_CHUNK_MIN_FRAMES} frames)` : `${r.chunks} range(s)`;
  return `${r.presenterPlayer}, concurrency ${r.concurrency ?? 'Remotion default'}, ${chunks}, ${r.imageFormat}${r.imageFormat === 'jpeg' ? ` q${r.jpegQuality}` : ''}, x264 ${r.x264Preset}`;
};

try {
  // The synthesized clips are not in a clip store: the composition finds them in the manifest it is given.
  const props = (manifest: Manifest): Record<string, unknown> => ({ ...spec, manifest });
  const compositionId = compositionFor(spec);
  const placeholder = { ...props(square), manifest: { version: 1, clips: {} } };
  let n = 0;
  // CPU ms per frame of this process and its children (browser, compositor, ffmpeg) next to wall-clock frames/s:
  // on a shared machine the wall figure moves with the neighbours' load, the CPU figure barely does.
  const cpuOf = new Map<number[], number[]>();
  const fps = async (inputProps: Record<string, unknown>, settings: RenderSettingsInput, frameRange?: [number, number], into?: number[]) => {
    const c0 = cpuSecondsOfTree();
    const r = await session.render({ compositionId, inputProps, outFile: path.join(dir, 'out', `r${n++}.mp4`), frameRange }, settings);
    const frames = frameRange ? frameRange[1] - frameRange[0] + 1 : r.durationInFrames;
    const c1 = cpuSecondsOfTree();
    if (into && c0 !== null && c1 !== null) cpuOf.set(into, [...(cpuOf.get(into) ?? []), ((c1 - c0) * 1000) / frames]);
    return frames / (r.renderMs / 1000);
  };
  const cpu = (runs: number[]) => median(cpuOf.get(runs) ?? [NaN]);
  const range: [number, number] = [0, FRAMES - 1];
  log('Warming up both players …');
  await fps(props(square), NEW, [0, 9]);
  await fps(props(square), OLD, [0, 9]);

  if (SWEEP) {
    // Remotion refuses a concurrency above the core count. "interleaved": the tabs share one range (Remotion's way);
    // "ranges": a frame range per tab, joined after (chunks).
    const variants: [string, RenderSettingsInput][] = Array.from({ length: os.availableParallelism() }, (_, i) => i + 1).flatMap((c) => [
      [`${c} tab(s) interleaved, jpeg q80`, { concurrency: c, chunks: 1, imageFormat: 'jpeg', jpegQuality: 80 }] as [string, RenderSettingsInput],
      ...(c > 1
        ? ([
            [`${c} tabs on ranges, jpeg q80`, { concurrency: c, chunks: c, imageFormat: 'jpeg', jpegQuality: 80 }],
            [`${c} tabs on ranges, jpeg q60`, { concurrency: c, chunks: c, imageFormat: 'jpeg', jpegQuality: 60 }],
            [`${c} tabs on ranges, png`, { concurrency: c, chunks: c, imageFormat: 'png' }],
          ] as [string, RenderSettingsInput][])
        : []),
    ]);
    const results = new Map<string, number[]>(variants.map(([k]) => [k, []]));
    for (let rep = 0; rep < REPS; rep++) {
      for (const [k, s] of rep % 2 ? [...variants].reverse() : variants) {
        log(`  sweep ${k} (rep ${rep + 1}/${REPS}) …`);
        results.get(k)!.push(await fps(props(square), s, range));
        log(`    ${results.get(k)!.at(-1)!.toFixed(2)} fps`);
      }
    }
    console.log(`settings sweep, ${FRAMES} frames of the example at 1080p with the square presenter (${session.settings.presenterPlayer}), median of ${REPS}:`);
    for (const [k, v] of results) console.log(`  ${k.padEnd(34)} ${median(v).toFixed(2).padStart(6)} fps`);
  } else {
    const rows: string[] = [];
    for (const [label, manifest, newManifest] of [['v3 square 720x720', square, squareNew], ['legacy full-frame 1920x1080', full, fullNew]] as const) {
      const runs = { newWith: [] as number[], newWithout: [] as number[], oldWith: [] as number[], oldWithout: [] as number[] };
      for (let rep = 0; rep < REPS; rep++) {
        const order: [keyof typeof runs, () => Promise<number>][] = [
          ['newWith', () => fps(props(newManifest), NEW, range, runs.newWith)],
          ['newWithout', () => fps(placeholder, NEW, range, runs.newWithout)],
          ['oldWith', () => fps(props(manifest), OLD, range, runs.oldWith)],
          ['oldWithout', () => fps(placeholder, OLD, range, runs.oldWithout)],
        ];
        for (const [k, run] of rep % 2 ? order.reverse() : order) {
          log(`  ${label}: ${k} (rep ${rep + 1}/${REPS}) …`);
          runs[k].push(await run());
        }
      }
      const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)])) as Record<keyof typeof runs, number>;
      const c = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, cpu(v)])) as Record<keyof typeof runs, number>;
      rows.push(
        `presenter overhead at 1080p, ${label} clips, ${FRAMES} frames:`,
        `  wall time per frame: new ${(m.newWithout / m.newWith).toFixed(2)}x (${m.newWith.toFixed(1)} vs ${m.newWithout.toFixed(1)} fps)  old ${(m.oldWithout / m.oldWith).toFixed(2)}x (${m.oldWith.toFixed(1)} vs ${m.oldWithout.toFixed(1)} fps)`,
        `  CPU time per frame:  new ${(c.newWith / c.newWithout).toFixed(2)}x (${c.newWith.toFixed(0)} vs ${c.newWithout.toFixed(0)} ms)  old ${(c.oldWith / c.oldWithout).toFixed(2)}x (${c.oldWith.toFixed(0)} vs ${c.oldWithout.toFixed(0)} ms)`,
      );
    }
    const whole = { old: [] as number[], new: [] as number[] };
    for (let rep = 0; rep < REPS; rep++) {
      for (const k of rep % 2 ? (['new', 'old'] as const) : (['old', 'new'] as const)) {
        log(`  whole example, ${k} path (rep ${rep + 1}/${REPS}) …`);
        whole[k].push(await fps(props(k === 'new' ? squareNew : square), k === 'new' ? NEW : OLD, undefined, whole[k]));
      }
    }
    const [o, w] = [median(whole.old), median(whole.new)];
    console.log(
      [
        `example video (${spec.scenes.length} scenes) at 1920x1080 H.264, medians of ${REPS} interleaved runs, one bundle and one browser`,
        `old path: ${describe(OLD)}`,
        `new path: ${describe(NEW)}`,
        ...rows,
        `whole example at 1080p: old ${o.toFixed(2)} fps, new ${w.toFixed(2)} fps: speed-up ${(w / o).toFixed(2)}x (wall); CPU ${cpu(whole.old).toFixed(0)} vs ${cpu(whole.new).toFixed(0)} ms/frame: ${(cpu(whole.old) / cpu(whole.new)).toFixed(2)}x`,
      ].join('\n'),
    );
  }
  console.log(`${machineLine()}  [end]`);
} finally {
  await session.close();
  await rm(dir, { recursive: true, force: true });
}
