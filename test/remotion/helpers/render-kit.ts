import { renderMedia, renderStill, selectComposition } from '@remotion/renderer';
import { ffmpegPath, runBinary } from '../../../src/media/ffmpeg';
import { encodeWav } from '../../../src/emulator/synth/wav';
import type { RenderSession } from '../../../src/render/render-session';
import { propsForRender } from '../../../src/render/render-video';
import { synthesizeManifest as synthesizeSpecManifest, type SynthesizeManifestOptions } from '../../../src/emulator/synth/synthesize-manifest';
import type { Manifest } from '../../../src/spec/manifest';
import { videoSpecSchema, type VideoSpecInput } from '../../../src/spec/video-spec';

/** Synthesizes one clip per scene of `spec` into <publicDir>/clips/ and returns a manifest that the timeline finds them in. */
export function synthesizeManifest(spec: VideoSpecInput, publicDir: string, opts: Omit<SynthesizeManifestOptions, 'avatarId'> = {}): Promise<Manifest> {
  return synthesizeSpecManifest(videoSpecSchema.parse(spec), publicDir, { ...opts, avatarId: 'test' });
}

export async function stillOf(session: RenderSession, id: string, props: Record<string, unknown>, frame: number, output: string, scale: number) {
  const { serveUrl, browser } = session;
  const inputProps = propsForRender(props, session.settings);
  const composition = await selectComposition({ serveUrl, id, inputProps, puppeteerInstance: browser, logLevel: 'error' });
  await renderStill({ serveUrl, composition, frame, output, inputProps, puppeteerInstance: browser, scale, logLevel: 'error', imageFormat: 'png' });
  return composition;
}

/**
 * Renders H.264 video with the audio written apart as WAV, then muxes AAC into the MP4 with ffmpeg, whose mp4 muxer
 * records the encoder's priming in an edit list. Remotion's own AAC path goes through ADTS, which cannot, and its
 * MP4s play the audio 2048 samples (42.7 ms, 1.3 frames at 30 fps) late; see the report on src/render/render-video.ts.
 */
/**
 * A video through the production render path (src/render), so the sync tests check what users get: one frame range
 * unless `chunks` says otherwise ('auto' as the default settings).
 */
export async function videoOf(session: RenderSession, id: string, inputProps: Record<string, unknown>, output: string, opts: { scale: number; frameRange?: [number, number]; chunks?: number | 'auto' }) {
  const result = await session.render({ compositionId: id, inputProps, outFile: output, frameRange: opts.frameRange }, { scale: opts.scale, chunks: opts.chunks ?? 1 });
  return result.composition;
}

/** Renders only the audio, as WAV: what the composition itself places on the timeline, before any encoder. */
export async function audioOf(session: RenderSession, id: string, props: Record<string, unknown>, output: string) {
  const { serveUrl, browser } = session;
  const inputProps = propsForRender(props, session.settings);
  const composition = await selectComposition({ serveUrl, id, inputProps, puppeteerInstance: browser, logLevel: 'error' });
  await renderMedia({ serveUrl, composition, inputProps, codec: 'wav', outputLocation: output, overwrite: true, puppeteerInstance: browser, logLevel: 'error' });
}

const even = (n: number) => 2 * Math.round(n / 2);

/**
 * Every frame of a video cropped to a rectangle, as RGBA, in one decode. The crop is widened to even edges (4:2:0
 * chroma would round it anyway); `crop` in the result is the one applied.
 */
export async function croppedFrames(file: string, want: { x: number; y: number; width: number; height: number }): Promise<{ frames: Buffer[]; crop: { x: number; y: number; width: number; height: number } }> {
  const x = even(Math.floor(want.x) - 1);
  const y = even(Math.floor(want.y) - 1);
  const c = { x, y, width: even(Math.ceil(want.x + want.width) - x + 2), height: even(Math.ceil(want.y + want.height) - y + 2) };
  const { stdout } = await runBinary(ffmpegPath(), ['-v', 'error', '-i', file, '-vf', `crop=${c.width}:${c.height}:${c.x}:${c.y}`, '-f', 'image2pipe', '-c:v', 'rawvideo', '-pix_fmt', 'rgba', '-']);
  const size = c.width * c.height * 4;
  const frames: Buffer[] = [];
  for (let off = 0; off + size <= stdout.length; off += size) frames.push(stdout.subarray(off, off + size));
  return { frames, crop: c };
}

/** A file's audio as mono 16-bit samples at `rate` Hz. */
export async function monoSamples(file: string, rate = 16000): Promise<Int16Array> {
  const { stdout } = await runBinary(ffmpegPath(), ['-v', 'error', '-i', file, '-vn', '-ac', '1', '-ar', String(rate), '-c:a', 'pcm_s16le', '-f', 'wav', '-']);
  // Skip the WAV header to the "data" chunk.
  const at = stdout.indexOf(Buffer.from('data'));
  const body = stdout.subarray(at + 8);
  return new Int16Array(body.buffer.slice(body.byteOffset, body.byteOffset + (body.length & ~1)));
}

/** The first time (s) at or after `fromSec` at which the signal's 5 ms envelope exceeds `threshold` of full scale. */
export function onsetSec(samples: Int16Array, rate: number, fromSec = 0, threshold = 0.02): number | null {
  const win = Math.round(rate * 0.005);
  for (let i = Math.max(0, Math.round(fromSec * rate)); i + win <= samples.length; i += win) {
    let peak = 0;
    for (let k = i; k < i + win; k++) peak = Math.max(peak, Math.abs(samples[k]!));
    if (peak / 32768 > threshold) {
      for (let k = i; k < i + win; k++) if (Math.abs(samples[k]!) / 32768 > threshold) return k / rate;
    }
  }
  return null;
}

/** A mono 16-bit WAV of a sine tone: music whose level can be read apart from speech. */
export function toneWav(freq: number, seconds: number, rate: number): Buffer {
  const samples = Int16Array.from({ length: Math.round(seconds * rate) }, (_, i) => Math.round(0.5 * 32767 * Math.sin((2 * Math.PI * freq * i) / rate)));
  return encodeWav({ sampleRate: rate, samples });
}

/** Amplitude of one frequency in a window (Goertzel), so a tone is measured apart from speech. */
export function toneLevel(samples: Int16Array, rate: number, freq: number, atSec: number, windowSec: number): number {
  const start = Math.round((atSec - windowSec / 2) * rate);
  const n = Math.round(windowSec * rate);
  const k = (2 * Math.PI * freq) / rate;
  const coeff = 2 * Math.cos(k);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const s0 = (samples[start + i] ?? 0) / 32768 + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return Math.sqrt(s1 * s1 + s2 * s2 - coeff * s1 * s2) / n;
}
