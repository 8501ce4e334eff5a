// Render speed of the example video, measured side by side in one run with one bundle and one browser:
//  - frames/s with the presenter layer (transparent WebM through OffthreadVideo, plus its audio) and with the
//    presenter replaced by its static placeholder (an empty manifest), over the same frames: the presenter's cost;
//  - a whole render in one piece and in K chunks joined with combineChunks.
// Run: npm run bench:render [-- FRAMES K]   (FRAMES for the presenter comparison, default 150; K default 2)
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../src/project/load-spec';
import { ClipStore } from '../src/project/clip-store';
import { runPrebuild } from '../src/jobs/run-prebuild';
import { parseCommandLine, parseNumberArg } from '../src/lib/cli-flags';
import { connectHeyGen } from '../scripts/lib/connect-heygen';
import { bundleProject } from '../src/render/bundle-project';
import { openRenderBrowser } from '../src/render/open-render-browser';
import { prepareRender } from '../src/render/render-spec';
import { renderVideo } from '../src/render/render-video';
import type { FormatId } from '../src/spec/formats';
import { tempProject } from '../src/project/temp-project';

const [FRAMES = 150, K = 2] = parseCommandLine({ usage: 'Usage: npm run bench:render [-- FRAMES K]   FRAMES for the presenter comparison (150), K chunks (2)', options: {}, positionals: { max: 2 } }, (_v, [frames, k]) => [
  parseNumberArg('FRAMES', frames, { min: 1, max: 100_000, integer: true }),
  parseNumberArg('K', k, { min: 1, max: 64, integer: true }),
]);
const PRESET: FormatId = 'landscape-720p';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const project = await tempProject([]);
delete process.env.HEYGEN_API_KEY;
await copyFile(path.join(ROOT, 'videos', 'example.json'), path.join(project.root, 'videos', 'example.json'));
process.stderr.write('Prebuilding the example through the emulator …\n');
const prebuild = await runPrebuild({ root: project.root, specFiles: ['videos/example.json'], concurrency: 2, connect: connectHeyGen });
if (prebuild.failed.length) throw new Error(`prebuild failed: ${prebuild.failed[0]!.message}`);
const { file, spec } = await loadSpec('videos/example.json', project.root);
const prepared = await prepareRender({ root: project.root, file, spec, manifest: await new ClipStore(project.root).readManifest(), preset: PRESET });
const bundle = await bundleProject({ root: ROOT, publicDir: path.join(project.root, 'public') });
const browser = await openRenderBrowser(ROOT);
const out = (name: string) => path.join(project.root, 'out', `${name}.mp4`);

try {
  const render = async (name: string, inputProps: Record<string, unknown>, extra: { frameRange?: [number, number]; chunks?: number }) => {
    process.stderr.write(`  ${name} …\n`);
    const r = await renderVideo({ serveUrl: bundle.serveUrl, compositionId: prepared.compositionId, inputProps, outFile: out(name), browser, ...extra });
    const frames = extra.frameRange ? extra.frameRange[1] - extra.frameRange[0] + 1 : r.durationInFrames;
    return { sec: r.renderMs / 1000, frames, fps: frames / (r.renderMs / 1000) };
  };
  const range: [number, number] = [0, Math.min(FRAMES, prepared.timeline.durationInFrames) - 1];
  await render('warm-up', prepared.inputProps, { frameRange: [0, 9] });
  const withPresenter = await render('with-presenter', prepared.inputProps, { frameRange: range });
  const without = await render('without-presenter', { ...prepared.inputProps, manifest: { version: 1, clips: {} } }, { frameRange: range });
  const single = await render('single', prepared.inputProps, {});
  const chunked = await render(`chunks-${K}`, prepared.inputProps, { chunks: K });

  const row = (label: string, r: { sec: number; frames: number; fps: number }) => `${label.padEnd(38)} ${String(r.frames).padStart(5)} frames  ${r.sec.toFixed(1).padStart(6)} s  ${r.fps.toFixed(1).padStart(5)} fps`;
  console.log(
    [
      `example video (${spec.scenes.length} scenes) at ${PRESET}, H.264, one bundle and one browser`,
      row('with presenter (OffthreadVideo)', withPresenter),
      row('presenter replaced by placeholder', without),
      `presenter overhead: ${(without.fps / withPresenter.fps).toFixed(2)}x the time per frame (${((1 - withPresenter.fps / without.fps) * 100).toFixed(0)}% of frames/s)`,
      row('whole video, single render', single),
      row(`whole video, ${K} chunks + combineChunks`, chunked),
      `chunked vs single: ${(single.sec / chunked.sec).toFixed(2)}x speed-up`,
    ].join('\n'),
  );
} finally {
  await browser.close({ silent: true });
  await bundle.dispose();
  await project.cleanup();
}
