import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { parseCommandLine, parseNumberArg } from '../src/lib/cli-flags';
import path from 'node:path';
import { synthesizeClip, synthesizeSpeech, type ClipRequest } from '../src/emulator/synth';

// A ~30 s presenter script (at speed 1) like the project's data videos use.
const SCRIPT = [
  'Welcome to the quarterly review.',
  'Revenue grew by twelve percent compared with the same quarter last year, driven mostly by subscriptions in Europe and North America.',
  'Costs stayed flat, so the operating margin improved to nineteen percent.',
  'On the next chart you can see how each region contributed.',
  'Europe led the growth, followed closely by North America, while Asia held steady.',
  'We expect the trend to continue into the next quarter as new products launch.',
  'Thank you for watching, and see you next quarter.',
].join(' ');

interface Run {
  label: string;
  seconds: number;
  clipSeconds: number;
  cpuSeconds: number;
  ffmpegCpuSeconds: number;
  bytes: number;
}

type Config = 'vp9_1080' | 'vp9_720' | 'vp8_1080' | 'marker_1080';

const CONFIGS: Record<Config, [string, Omit<ClipRequest, 'speech'>]> = {
  vp9_1080: ['1920x1080 vp9', { width: 1920, height: 1080, avatarId: 'bench' }],
  vp9_720: ['1280x720 vp9', { width: 1280, height: 720, avatarId: 'bench' }],
  vp8_1080: ['1920x1080 vp8', { width: 1920, height: 1080, avatarId: 'bench', codec: 'vp8' }],
  marker_1080: ['1920x1080 vp9 frameMarker', { width: 1920, height: 1080, avatarId: 'bench', frameMarker: true }],
};

async function timeClip(dir: string, label: string, req: Omit<ClipRequest, 'speech'>): Promise<Run> {
  const out = path.join(dir, `${label.replace(/\W+/g, '-')}.webm`);
  const t0 = performance.now();
  const r = await synthesizeClip({ ...req, speech: { text: SCRIPT } }, out);
  const seconds = (performance.now() - t0) / 1000;
  return { label, seconds, clipSeconds: r.durationSec, cpuSeconds: (r.stats?.ffmpegCpuSec ?? NaN) + (r.stats?.nodeCpuSec ?? NaN), ffmpegCpuSeconds: r.stats?.ffmpegCpuSec ?? NaN, bytes: (await stat(out)).size };
}

function fmt(r: Run): string {
  const rtf = (r.seconds / r.clipSeconds).toFixed(3);
  const cpu = (r.cpuSeconds / r.clipSeconds).toFixed(3);
  const split = `ffmpeg ${r.ffmpegCpuSeconds.toFixed(1)} + node ${(r.cpuSeconds - r.ffmpegCpuSeconds).toFixed(1)}`;
  return `${r.label.padEnd(26)} ${r.seconds.toFixed(2).padStart(6)} s for ${r.clipSeconds.toFixed(2)} s  RTF ${rtf}  CPU ${r.cpuSeconds.toFixed(1).padStart(5)} s = ${split} (CPU/clip ${cpu})  ${(r.bytes / 1e6).toFixed(2)} MB`;
}

function best(runs: Run[]): Run {
  const first = runs[0];
  if (!first) throw new Error('no runs');
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a), first);
}

async function main(): Promise<void> {
  const usage = 'Usage: npm run bench:synth   (BENCH_ROUNDS=N in the environment: rounds per size, default 2)';
  const rounds = parseCommandLine({ usage, options: {} }, () => parseNumberArg('BENCH_ROUNDS', process.env.BENCH_ROUNDS, { min: 1, max: 100, integer: true }) ?? 2);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'synth-bench-'));
  try {
    console.log(`cpus ${os.cpus().length}, load average before ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    await synthesizeSpeech({ text: 'Warm up.' });
    const s0 = performance.now();
    const speech = await synthesizeSpeech({ text: SCRIPT });
    console.log(`speech only: ${((performance.now() - s0) / 1000).toFixed(2)} s for ${speech.durationSec.toFixed(2)} s of audio, ${speech.words.length} words`);
    const runs: Record<Config, Run[]> = { vp9_1080: [], vp9_720: [], vp8_1080: [], marker_1080: [] };
    // Interleaved rounds, so that load from other processes falls on every configuration alike.
    for (let k = 0; k < rounds; k++) {
      for (const [key, [label, req]] of Object.entries(CONFIGS) as [Config, [string, Omit<ClipRequest, 'speech'>]][]) {
        runs[key].push(await timeClip(dir, label, req));
      }
    }
    const b = { vp9_1080: best(runs.vp9_1080), vp9_720: best(runs.vp9_720), vp8_1080: best(runs.vp8_1080), marker_1080: best(runs.marker_1080) };
    console.log(`\nbest of ${rounds} (RTF = wall seconds / clip seconds, target <= 0.5; CPU = ffmpeg + this process):`);
    for (const r of Object.values(b)) console.log(fmt(r));
    console.log('\nall runs:');
    for (const v of Object.values(runs)) for (const r of v) console.log(fmt(r));
    console.log('\nratios (best vs best, wall / CPU):');
    const ratio = (a: Run, c: Run) => `${(a.seconds / c.seconds).toFixed(2)}x / ${(a.cpuSeconds / c.cpuSeconds).toFixed(2)}x`;
    console.log(`  vp8 vs vp9 at 1080p:       ${ratio(b.vp8_1080, b.vp9_1080)}, size ${(b.vp8_1080.bytes / b.vp9_1080.bytes).toFixed(2)}x`);
    console.log(`  1080p vs 720p (vp9):       ${ratio(b.vp9_1080, b.vp9_720)} (pixels 2.25x)`);
    console.log(`  frameMarker vs plain 1080p: ${ratio(b.marker_1080, b.vp9_1080)}`);
    console.log(`load average after ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
