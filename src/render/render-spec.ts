import path from 'node:path';
import type { HeadlessBrowser } from '@remotion/renderer';
import { ClipStore } from '../pipeline/clip-store';
import { loadSpec } from '../pipeline/load-spec';
import { buildTimeline } from '../spec/timeline';
import { formatPreset } from '../spec/formats';
import { renderVideo, type RenderProgress, type RenderVideoResult } from './render-video';

export interface RenderSpecOptions {
  root?: string;
  specFile: string;
  serveUrl: string;
  outFile?: string;
  browser?: HeadlessBrowser;
  scale?: number;
  crf?: number;
  concurrency?: number | null;
  onProgress?: (p: RenderProgress) => void;
}

/** Renders one spec with the clips in the manifest; refuses (naming the fix) while any clip is missing. */
export async function renderSpec(opts: RenderSpecOptions): Promise<RenderVideoResult & { specId: string }> {
  const root = opts.root ?? process.cwd();
  const { file, spec } = await loadSpec(opts.specFile, root);
  const manifest = await new ClipStore(root).readManifest();
  const timeline = buildTimeline(spec, manifest, formatPreset(spec.format).fps);
  if (timeline.missingClips) {
    throw new Error(`${file}: ${timeline.missingClips} of ${spec.scenes.length} scene clip(s) are not built yet; run \`npm run prebuild -- ${file}\` first.`);
  }
  const outFile = opts.outFile ?? path.join(root, 'out', `${spec.id}.mp4`);
  const result = await renderVideo({
    serveUrl: opts.serveUrl,
    compositionId: 'Explainer',
    inputProps: { ...spec, manifest },
    outFile,
    browser: opts.browser,
    scale: opts.scale,
    crf: opts.crf,
    concurrency: opts.concurrency,
    onProgress: opts.onProgress,
  });
  return { ...result, specId: spec.id };
}
