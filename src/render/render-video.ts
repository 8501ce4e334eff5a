import { openBrowser, renderMedia, selectComposition, type HeadlessBrowser } from '@remotion/renderer';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ensureRenderBrowser } from './ensure-browser';

export interface RenderProgress {
  renderedFrames: number;
  encodedFrames: number;
  totalFrames: number;
  progress: number;
  stage: string;
}

export interface RenderVideoOptions {
  serveUrl: string;
  compositionId: string;
  inputProps: Record<string, unknown>;
  outFile: string;
  /** Reuse one browser across renders (batch); otherwise one is opened and closed here. */
  browser?: HeadlessBrowser;
  scale?: number;
  crf?: number;
  concurrency?: number | null;
  frameRange?: [number, number];
  onProgress?: (p: RenderProgress) => void;
}

export interface RenderVideoResult {
  outFile: string;
  durationInFrames: number;
  fps: number;
  width: number;
  height: number;
}

export async function openRenderBrowser(root?: string): Promise<HeadlessBrowser> {
  const { executable } = await ensureRenderBrowser(root);
  return openBrowser('chrome', { browserExecutable: executable, logLevel: 'error' });
}

/** Renders one composition to H.264 + AAC; writes a temporary name and renames, so a killed render leaves no half MP4. */
export async function renderVideo(opts: RenderVideoOptions): Promise<RenderVideoResult> {
  const ownBrowser = opts.browser ? null : await openRenderBrowser();
  const browser = opts.browser ?? ownBrowser!;
  try {
    const composition = await selectComposition({
      serveUrl: opts.serveUrl,
      id: opts.compositionId,
      inputProps: opts.inputProps,
      puppeteerInstance: browser,
      logLevel: 'error',
    });
    await mkdir(path.dirname(opts.outFile), { recursive: true });
    const partial = `${opts.outFile}.partial.mp4`;
    await renderMedia({
      serveUrl: opts.serveUrl,
      composition,
      inputProps: opts.inputProps,
      codec: 'h264',
      audioCodec: 'aac',
      imageFormat: 'jpeg',
      crf: opts.crf,
      scale: opts.scale ?? 1,
      concurrency: opts.concurrency ?? null,
      frameRange: opts.frameRange ?? null,
      outputLocation: partial,
      overwrite: true,
      puppeteerInstance: browser,
      logLevel: 'error',
      onProgress: ({ renderedFrames, encodedFrames, progress, stitchStage }) =>
        opts.onProgress?.({ renderedFrames, encodedFrames, totalFrames: composition.durationInFrames, progress, stage: stitchStage }),
    }).catch(async (err: unknown) => {
      await rm(partial, { force: true });
      throw err;
    });
    await rename(partial, opts.outFile);
    return { outFile: opts.outFile, durationInFrames: composition.durationInFrames, fps: composition.fps, width: composition.width, height: composition.height };
  } finally {
    await ownBrowser?.close({ silent: true });
  }
}
