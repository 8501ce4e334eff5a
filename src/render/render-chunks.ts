import { combineChunks, renderMedia, type AudioCodec, type Codec, type HeadlessBrowser } from '@remotion/renderer';
import type { VideoConfig } from 'remotion';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ownedTempDir } from './owned-temp-dir';
import type { CodecChoice } from './render-options';
import type { RenderSettings } from './render-settings';
import { ffmpegPath, runBinary } from '../media/ffmpeg';
import { muxAudio } from './mux-audio';

/** Chunks shorter than this cost more in browser set-up than they save. */
export const MIN_FRAMES_PER_CHUNK = 5;

export interface RenderChunksOptions {
  serveUrl: string;
  composition: VideoConfig;
  inputProps: Record<string, unknown>;
  outputLocation: string;
  browser: HeadlessBrowser;
  /** `concurrency` is split between the ranges (each gets at least one tab). */
  settings: RenderSettings;
  /** Ranges side by side (at most; none shorter than MIN_FRAMES_PER_CHUNK). */
  chunks: number;
  /** Only these frames (inclusive), as a single render's frameRange; default the whole composition. */
  frameRange?: [number, number];
  onProgress?: (p: { renderedFrames: number; encodedFrames: number; progress: number; stage: string }) => void;
}

/**
 * Equal frame ranges (the last one shorter), as Lambda plans them: combineChunks relies on the equal length. `first`
 * is the frame the render starts at (a frame range's start).
 */
export function planChunks(durationInFrames: number, chunks: number, first = 0): { framesPerChunk: number; ranges: [number, number][] } {
  const framesPerChunk = Math.max(MIN_FRAMES_PER_CHUNK, Math.ceil(durationInFrames / Math.max(1, chunks)));
  const ranges: [number, number][] = [];
  for (let start = 0; start < durationInFrames; start += framesPerChunk) ranges.push([first + start, first + Math.min(durationInFrames, start + framesPerChunk) - 1]);
  return { framesPerChunk, ranges };
}

function chunkFormats(codec: CodecChoice): { videoCodec: Codec; videoExt: string; audioCodec: AudioCodec; audioExt: string } {
  // H.264 as MPEG-TS chunks joined without re-encoding, as Lambda does. Audio goes through lossless WAV: joined
  // sample-exact, then encoded once (for AAC by ffmpeg, which records the encoder delay; see render-video.ts).
  const videoCodec: Codec = codec.codec === 'h264' ? 'h264-ts' : codec.codec;
  const videoExt = codec.codec === 'h264' ? 'ts' : codec.extension;
  return { videoCodec, videoExt, audioCodec: 'pcm-16', audioExt: 'wav' };
}

async function joinWavs(files: string[], out: string, dir: string): Promise<void> {
  const list = path.join(dir, 'audio-chunks.txt');
  await writeFile(list, files.map((f) => `file '${f.replace(/'/g, "'\\''")}'`).join('\n'));
  await runBinary(ffmpegPath(), ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', out]);
}

/**
 * Renders the composition as K frame ranges side by side in one browser, video and audio of each chunk apart,
 * then joins them with combineChunks: the local form of what Remotion Lambda does across functions.
 */
export async function renderChunks(opts: RenderChunksOptions): Promise<{ chunks: number; framesPerChunk: number }> {
  const [first, last] = opts.frameRange ?? [0, opts.composition.durationInFrames - 1];
  const total = last - first + 1;
  const { settings } = opts;
  const { framesPerChunk, ranges } = planChunks(total, opts.chunks, first);
  const formats = chunkFormats(settings.codec);
  const tabsPerChunk = Math.max(1, Math.floor((settings.concurrency ?? 1) / ranges.length));
  const dir = ownedTempDir('chunks');
  const rendered = ranges.map(() => 0);
  const encoded = ranges.map(() => 0);
  const report = (stage: string) => {
    const r = rendered.reduce((a, b) => a + b, 0);
    const e = encoded.reduce((a, b) => a + b, 0);
    opts.onProgress?.({ renderedFrames: r, encodedFrames: e, progress: (r + e) / (2 * total) * 0.95, stage });
  };
  try {
    const files = await Promise.all(
      ranges.map(async (frameRange, i) => {
        const video = path.join(dir, `chunk-${String(i).padStart(4, '0')}.${formats.videoExt}`);
        const audio = path.join(dir, `chunk-${String(i).padStart(4, '0')}.${formats.audioExt}`);
        await renderMedia({
          serveUrl: opts.serveUrl,
          composition: opts.composition,
          inputProps: opts.inputProps,
          codec: formats.videoCodec,
          audioCodec: formats.audioCodec,
          imageFormat: settings.imageFormat,
          jpegQuality: settings.imageFormat === 'jpeg' ? settings.jpegQuality : undefined,
          crf: settings.crf,
          x264Preset: formats.videoCodec === 'h264-ts' ? settings.x264Preset : undefined,
          scale: settings.scale,
          concurrency: tabsPerChunk,
          frameRange,
          // Where the whole render starts, as Lambda passes it. Remotion reads it only to align AAC chunks
          // (forSeamlessAacConcatenation), which this path does not use: the audio goes through WAV.
          compositionStart: first,
          outputLocation: video,
          separateAudioTo: audio,
          enforceAudioTrack: true,
          overwrite: true,
          puppeteerInstance: opts.browser,
          logLevel: 'error',
          onProgress: (p) => {
            rendered[i] = p.renderedFrames;
            encoded[i] = p.encodedFrames;
            report(p.stitchStage);
          },
        });
        return { video, audio };
      }),
    );
    report('combining');
    const silent = path.join(dir, `joined.${settings.codec.extension}`);
    const wav = path.join(dir, 'joined.wav');
    await combineChunks({
      outputLocation: silent,
      videoFiles: files.map((f) => f.video),
      audioFiles: [],
      codec: settings.codec.codec,
      fps: opts.composition.fps,
      framesPerChunk,
      preferLossless: false,
      compositionDurationInFrames: total,
      logLevel: 'error',
    });
    await joinWavs(files.map((f) => f.audio), wav, dir);
    await muxAudio(silent, wav, opts.outputLocation, settings.codec);
    return { chunks: ranges.length, framesPerChunk };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
