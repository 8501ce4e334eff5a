// A batch of N rows (one prebuild, one bundle, one browser) against N separate `npx remotion render` calls for
// the same specs and clips, timed side by side in one run, wall clock, each side as a fresh process: the batch as
// it is now (next video's frames overlap the last one's audio mux and thumbnail) and with --no-overlap, the
// separate renders between the two, after an untimed warm-up that fills the bundler's cache for every side. Same
// presenter player (@remotion/media <Video>) everywhere. CPU seconds of each side are printed beside the wall time.
// Small on purpose (one scene of ~1.5 s per row, 720p at --scale 0.25) so it ends in minutes on 2 cores: the batch
// saves a fixed cost per video, which is what this measures; for long videos the ratio tends to 1.
// Run: npm run bench:batch [-- N]
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandTemplate } from '../src/batch/expand-template';
import { ClipStore } from '../src/project/clip-store';
import { runPrebuild } from '../src/jobs/run-prebuild';
import { connectHeyGen } from '../scripts/lib/connect-heygen';
import { resolveBrowser } from '../src/render/browser';
import { prepareRender } from '../src/render/render-spec';
import { parseCommandLine, parseNumberArg } from '../src/lib/cli-flags';
import { videoSpecSchema } from '../src/spec/video-spec';
import { cpuSecondsOfTree, machineLine } from './lib/machine';
import { tempProject } from '../src/project/temp-project';

const N = parseCommandLine({ usage: 'Usage: npm run bench:batch [-- N]   N rows (10)', options: {}, positionals: { max: 1 } }, (_v, [n]) => parseNumberArg('N', n, { min: 1, max: 1000, integer: true }) ?? 10);
const SCALE = '0.25';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');
const NAMES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne', 'Soylent', 'Gringotts'];

const template = {
  id: '{{id}}',
  format: 'landscape-720p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  scenes: [{ title: 'Hello {{name}}', script: 'Hi {{name}}!', graphic: { type: 'bar', data: [{ label: 'Q1', value: '{{q1}}' }, { label: 'Q2', value: '{{q2}}' }] } }],
};
const rows = Array.from({ length: N }, (_, i) => {
  const name = NAMES[i % NAMES.length]! + (i >= NAMES.length ? ` ${i}` : '');
  return { id: name.toLowerCase().replace(/\s+/g, '-'), name, q1: String(100 + i * 7), q2: String(140 + i * 11) };
});

/** CPU seconds each side used (this process's finished children, the browsers and ffmpegs below them included). */
const cpu = { separate: 0, sequential: 0, batch: 0, warmup: 0 };

function run(cmd: string, args: string[], cwd: string, side: keyof typeof cpu): Promise<number> {
  const t0 = performance.now();
  const c0 = cpuSecondsOfTree();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, HEYGEN_API_KEY: '' } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const c1 = cpuSecondsOfTree();
      if (c0 !== null && c1 !== null) cpu[side] += c1 - c0;
      return code === 0 ? resolve((performance.now() - t0) / 1000) : reject(new Error(`${path.basename(cmd)} ${args.slice(0, 3).join(' ')} exited ${code}:\n${err}`));
    });
  });
}

const project = await tempProject([]);
console.log(`${machineLine()}  [start]`);
try {
  delete process.env.HEYGEN_API_KEY;
  await mkdir(path.join(project.root, 'data'));
  await writeFile(path.join(project.root, 'videos', 'bench-template.json'), JSON.stringify(template));
  await writeFile(path.join(project.root, 'data', 'rows.json'), JSON.stringify(rows));

  // The clips are the same for both sides: made once, before either is timed.
  const specFiles: string[] = [];
  for (const [i, values] of rows.entries()) {
    const { spec } = expandTemplate(template, { row: i + 1, line: null, values }, values.id);
    const file = path.join('videos', `${values.id}.json`);
    await writeFile(path.join(project.root, file), JSON.stringify(spec));
    specFiles.push(file);
  }
  process.stderr.write(`Prebuilding ${N} clips through the emulator …\n`);
  const prebuild = await runPrebuild({ root: project.root, specFiles, concurrency: 2, connect: connectHeyGen });
  if (prebuild.failed.length) throw new Error(`prebuild failed: ${prebuild.failed[0]!.message}`);
  const manifest = await new ClipStore(project.root).readManifest();

  const batch = (name: 'batch' | 'sequential' | 'warmup', extra: string[]) =>
    run(process.execPath, ['--import', TSX, path.join(ROOT, 'scripts', 'batch.ts'), '--template', 'videos/bench-template.json', '--data', 'data/rows.json', '--out', `out/${name}`, '--scale', SCALE, ...extra], project.root, name);
  // Untimed: the first bundle compiles without webpack's cache (~15 s of CPU here); whichever side ran first paid it.
  process.stderr.write('Warm-up: a batch of one row (fills the bundler cache both sides use) …\n');
  await batch('warmup', ['--limit', '1']);
  process.stderr.write(`Batch of ${N} (npm run batch) …\n`);
  const batchSec = await batch('batch', []);

  const browser = resolveBrowser(ROOT)?.executable;
  const remotion = path.join(ROOT, 'node_modules', '.bin', 'remotion');
  let separateSec = 0;
  for (const [i, file] of specFiles.entries()) {
    process.stderr.write(`npx remotion render ${i + 1}/${N} …\n`);
    const spec = videoSpecSchema.parse(JSON.parse(await readFile(path.join(project.root, file), 'utf8')));
    const { compositionId, inputProps } = await prepareRender({ root: project.root, file, spec, manifest });
    const props = path.join(project.root, 'out', `${spec.id}.props.json`);
    await mkdir(path.dirname(props), { recursive: true });
    await writeFile(props, JSON.stringify(inputProps));
    separateSec += await run(
      remotion,
      ['render', path.join(ROOT, 'remotion', 'index.ts'), compositionId, path.join(project.root, 'out', 'separate', `${spec.id}.mp4`), `--props=${props}`, `--scale=${SCALE}`, `--public-dir=${path.join(project.root, 'public')}`, '--log=error', ...(browser ? [`--browser-executable=${browser}`] : [])],
      ROOT,
      'separate',
    );
  }
  process.stderr.write(`Batch of ${N} with --no-overlap …\n`);
  const sequentialSec = await batch('sequential', ['--no-overlap']);

  console.log(
    [
      `rows N=${N}, one ~1.5 s scene each, 720p at --scale ${SCALE}, H.264 (clips prebuilt for all sides)`,
      `${N} × npx remotion render:                       ${separateSec.toFixed(1)} s  (${(separateSec / N).toFixed(1)} s/video)`,
      `npm run batch --no-overlap (one bundle, one browser): ${sequentialSec.toFixed(1)} s  (${(sequentialSec / N).toFixed(1)} s/video)  ${(separateSec / sequentialSec).toFixed(2)}x`,
      `npm run batch (frames overlap the last mux/thumbnail): ${batchSec.toFixed(1)} s  (${(batchSec / N).toFixed(1)} s/video)  ${(separateSec / batchSec).toFixed(2)}x`,
      `batch speed-up over separate CLI renders: ${(separateSec / batchSec).toFixed(2)}x wall clock (target >= 1.5x)`,
      `CPU seconds (steadier than wall time on a shared machine): separate ${cpu.separate.toFixed(1)} s, batch --no-overlap ${cpu.sequential.toFixed(1)} s (${(cpu.separate / cpu.sequential).toFixed(2)}x), batch ${cpu.batch.toFixed(1)} s (${(cpu.separate / cpu.batch).toFixed(2)}x)`,
      `${machineLine()}  [end]`,
    ].join('\n'),
  );
} finally {
  await project.cleanup();
}
