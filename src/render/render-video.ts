import { renderMedia, selectComposition, type HeadlessBrowser } from '@remotion/renderer';
import { rmSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { onExitSync } from '../lib/exit-cleanup';
import path from 'node:path';
import type { VideoConfig } from 'remotion';
import { withoutSecretsInEnv } from '../lib/secrets';
import { renderChunks } from './render-chunks';
import { chunkCount, type RenderSettings } from './render-settings';
import { muxAudio } from './mux-audio';
import { checkOutputWhole } from './check-output-whole';

export interface RenderProgress {
  renderedFrames: number;
  encodedFrames: number;
  totalFrames: number;
  progress: number;
  stage: string;
}

/** What one render shows and where it goes; how it is rendered is the RenderSettings. */
export interface RenderJob {
  compositionId: string;
  inputProps: Record<string, unknown>;
  outFile: string;
  frameRange?: [number, number];
  onProgress?: (p: RenderProgress) => void;
  /**
   * Wraps the browser part (frames, their encoding, the audio mix), so a batch can let the next video's frames start
   * while this one's audio is muxed and its thumbnail made (see src/batch/run-batch.ts).
   */
  framesGate?: <T>(frames: () => Promise<T>) => Promise<T>;
}

export interface RenderVideoOptions extends RenderJob {
  /** From the render session (src/render/render-session.ts): one bundle and one browser for every render. */
  serveUrl: string;
  browser: HeadlessBrowser;
  settings: RenderSettings;
}

/** The composition's props with the render-only choices the components read (which presenter player). */
export function propsForRender(inputProps: Record<string, unknown>, settings: RenderSettings): Record<string, unknown> {
  return { ...inputProps, presenterPlayer: settings.presenterPlayer };
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
  const { browser, settings } = opts;
  const codec = settings.codec;
  const inputProps = propsForRender(opts.inputProps, settings);
  const t0 = Date.now();
  const composition = await selectComposition({
    serveUrl: opts.serveUrl,
    id: opts.compositionId,
    inputProps,
    puppeteerInstance: browser,
    logLevel: 'error',
  });
  await mkdir(path.dirname(opts.outFile), { recursive: true });
  const frames = opts.frameRange ? opts.frameRange[1] - opts.frameRange[0] + 1 : composition.durationInFrames;
  const partial = partialPath(opts.outFile);
  // An interrupted render leaves no half-written file (the next run would sweep it; this one does not wait).
  const forgetPartial = onExitSync(() => {
    for (const f of [partial, `${partial}.video${path.extname(partial)}`, `${partial}.audio.wav`]) rmSync(f, { force: true });
  });
  const onProgress = (p: { renderedFrames: number; encodedFrames: number; progress: number; stage: string }) =>
    opts.onProgress?.({ ...p, totalFrames: frames });
  const gate = opts.framesGate ?? (<T>(frames: () => Promise<T>) => frames());
  const render = async () => {
    const chunks = chunkCount(settings, frames);
    if (chunks > 1) {
      await gate(() => renderChunks({ serveUrl: opts.serveUrl, composition, inputProps, outputLocation: partial, browser, settings, chunks, frameRange: opts.frameRange, onProgress }));
      return;
    }
    // AAC is encoded by muxAudio, not Remotion, so the encoder delay is recorded (see mux-audio.ts).
    const fixAac = codec.audioCodec === 'aac';
    const silent = `${partial}.video${path.extname(partial)}`;
    const wav = `${partial}.audio.wav`;
    try {
      await gate(() => renderMedia({
        serveUrl: opts.serveUrl,
        composition,
        inputProps,
        codec: codec.codec,
        audioCodec: fixAac ? undefined : codec.audioCodec,
        imageFormat: settings.imageFormat,
        jpegQuality: settings.imageFormat === 'jpeg' ? settings.jpegQuality : undefined,
        crf: settings.crf,
        x264Preset: codec.codec === 'h264' ? settings.x264Preset : undefined,
        scale: settings.scale,
        concurrency: settings.concurrency,
        frameRange: opts.frameRange ?? null,
        outputLocation: fixAac ? silent : partial,
        separateAudioTo: fixAac ? wav : undefined,
        enforceAudioTrack: fixAac ? true : undefined,
        overwrite: true,
        puppeteerInstance: browser,
        logLevel: 'error',
        onProgress: ({ renderedFrames, encodedFrames, progress, stitchStage }) => onProgress({ renderedFrames, encodedFrames, progress, stage: stitchStage }),
      }));
      if (fixAac) await muxAudio(silent, wav, partial, codec);
    } finally {
      await rm(silent, { force: true });
      await rm(wav, { force: true });
    }
  };
  try {
    const renderWhole = async () => {
      await render();
      await checkOutputWhole({ file: partial, outFile: opts.outFile, frames, fps: composition.fps });
    };
    await renderWhole().catch(async (err: unknown) => {
      await rm(partial, { force: true });
      throw err;
    });
    await rename(partial, opts.outFile);
  } finally {
    forgetPartial();
  }
  return {
    outFile: opts.outFile,
    durationInFrames: composition.durationInFrames,
    fps: composition.fps,
    width: composition.width,
    height: composition.height,
    renderMs: Date.now() - t0,
    composition,
  };
}
