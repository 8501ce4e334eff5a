import { renderMedia, selectComposition, type HeadlessBrowser } from '@remotion/renderer';
import { rmSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { onExitSync } from '../lib/exit-cleanup';
import path from 'node:path';
import type { VideoConfig } from 'remotion';
import { withoutSecretsInEnv } from '../lib/secrets';
import { openRenderBrowser } from './open-render-browser';
import { renderChunks } from './render-chunks';
import { CODECS, type CodecChoice } from './render-options';
import { muxAudio } from './mux-audio';
import { checkOutputWhole } from './check-output-whole';

export { openRenderBrowser };

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
  /** Default H.264 + AAC. */
  codec?: CodecChoice;
  scale?: number;
  crf?: number;
  concurrency?: number | null;
  frameRange?: [number, number];
  /** Render K frame ranges side by side and join them (the local form of a Lambda render). */
  chunks?: number;
  onProgress?: (p: RenderProgress) => void;
}

export interface RenderVideoResult {
  outFile: string;
  durationInFrames: number;
  fps: number;
  width: number;
  height: number;
  /** Wall time of the render itself (composition selected to file renamed). */
  renderMs: number;
  /** As resolved by calculateMetadata, for stills of the same video. */
  composition: VideoConfig;
}

/** The name a render writes to until it is complete; a killed render leaves only this, never a half `outFile`. */
export function partialPath(outFile: string): string {
  const ext = path.extname(outFile);
  return `${outFile}.partial${ext || '.mp4'}`;
}

/**
 * Renders one composition; writes a temporary name and renames, so a killed render leaves no half video. The
 * compositor and ffmpeg Remotion starts inherit process.env, so the HeyGen credentials are out of it meanwhile.
 */
export function renderVideo(opts: RenderVideoOptions): Promise<RenderVideoResult> {
  return withoutSecretsInEnv(() => renderVideoNow(opts));
}

async function renderVideoNow(opts: RenderVideoOptions): Promise<RenderVideoResult> {
  const ownBrowser = opts.browser ? null : await openRenderBrowser();
  const browser = opts.browser ?? ownBrowser!;
  const codec = opts.codec ?? CODECS.h264;
  const t0 = Date.now();
  let forgetPartial = () => {};
  try {
    const composition = await selectComposition({
      serveUrl: opts.serveUrl,
      id: opts.compositionId,
      inputProps: opts.inputProps,
      puppeteerInstance: browser,
      logLevel: 'error',
    });
    await mkdir(path.dirname(opts.outFile), { recursive: true });
    const partial = partialPath(opts.outFile);
    // An interrupted render leaves no half-written file (the next run would sweep it; this one does not wait).
    forgetPartial = onExitSync(() => {
      for (const f of [partial, `${partial}.video${path.extname(partial)}`, `${partial}.audio.wav`]) rmSync(f, { force: true });
    });
    const onProgress = (p: { renderedFrames: number; encodedFrames: number; progress: number; stage: string }) =>
      opts.onProgress?.({ ...p, totalFrames: opts.frameRange ? opts.frameRange[1] - opts.frameRange[0] + 1 : composition.durationInFrames });
    const render = async () => {
      if (opts.chunks && opts.chunks > 1 && !opts.frameRange) {
        await renderChunks({
          serveUrl: opts.serveUrl,
          composition,
          inputProps: opts.inputProps,
          outputLocation: partial,
          browser,
          codec,
          chunks: opts.chunks,
          scale: opts.scale,
          crf: opts.crf,
          concurrencyPerChunk: opts.concurrency ?? 1,
          onProgress,
        });
        return;
      }
      // AAC is encoded by muxAudio, not Remotion, so the encoder delay is recorded (see mux-audio.ts).
      const fixAac = codec.audioCodec === 'aac';
      const silent = `${partial}.video${path.extname(partial)}`;
      const wav = `${partial}.audio.wav`;
      try {
        await renderMedia({
          serveUrl: opts.serveUrl,
          composition,
          inputProps: opts.inputProps,
          codec: codec.codec,
          audioCodec: fixAac ? undefined : codec.audioCodec,
          imageFormat: codec.imageFormat,
          crf: opts.crf,
          scale: opts.scale ?? 1,
          concurrency: opts.concurrency ?? null,
          frameRange: opts.frameRange ?? null,
          outputLocation: fixAac ? silent : partial,
          separateAudioTo: fixAac ? wav : undefined,
          enforceAudioTrack: fixAac ? true : undefined,
          overwrite: true,
          puppeteerInstance: browser,
          logLevel: 'error',
          onProgress: ({ renderedFrames, encodedFrames, progress, stitchStage }) => onProgress({ renderedFrames, encodedFrames, progress, stage: stitchStage }),
        });
        if (fixAac) await muxAudio(silent, wav, partial, codec);
      } finally {
        await rm(silent, { force: true });
        await rm(wav, { force: true });
      }
    };
    const frames = opts.frameRange ? opts.frameRange[1] - opts.frameRange[0] + 1 : composition.durationInFrames;
    const renderWhole = async () => {
      await render();
      await checkOutputWhole({ file: partial, outFile: opts.outFile, frames, fps: composition.fps });
    };
    await renderWhole().catch(async (err: unknown) => {
      await rm(partial, { force: true });
      throw err;
    });
    await rename(partial, opts.outFile);
    return {
      outFile: opts.outFile,
      durationInFrames: composition.durationInFrames,
      fps: composition.fps,
      width: composition.width,
      height: composition.height,
      renderMs: Date.now() - t0,
      composition,
    };
  } finally {
    forgetPartial();
    await ownBrowser?.close({ silent: true });
  }
}
