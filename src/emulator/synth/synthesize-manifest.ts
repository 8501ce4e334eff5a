import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { clipRequestsFor, requestKey } from '../../spec/clip-request';
import type { ClipEntry, Manifest } from '../../spec/manifest';
import type { VideoSpec } from '../../spec/video-spec';
import { synthesizeClip } from './index';

export interface SynthesizeManifestOptions {
  /** Clip size; default each scene's own request size. Benchmarks pick HeyGen's (720x720 v3, 1920x1080 legacy). */
  width?: number;
  height?: number;
  /** Names the files: <publicDir>/clips/<tag>-N.webm and .srt. */
  tag?: string;
  /** Seeds the placeholder presenter's look. */
  avatarId?: string;
  /** Burns the frame number into each frame (sync tests read it back). */
  frameMarker?: boolean;
}

/**
 * One synthesized presenter clip per scene under <publicDir>/clips/, and a manifest the timeline finds them in:
 * renders (tests, benchmarks) without a prebuild.
 */
export async function synthesizeManifest(spec: VideoSpec, publicDir: string, opts: SynthesizeManifestOptions = {}): Promise<Manifest> {
  const tag = opts.tag ?? 'test';
  await mkdir(path.join(publicDir, 'clips'), { recursive: true });
  const clips: Record<string, ClipEntry> = {};
  for (const [i, request] of clipRequestsFor(spec).entries()) {
    const file = `clips/${tag}-${i}.webm`;
    const width = opts.width ?? request.width;
    const height = opts.height ?? request.height;
    const result = await synthesizeClip({ width, height, fps: 25, avatarId: opts.avatarId ?? tag, speech: { text: spec.scenes[i]!.script! }, frameMarker: opts.frameMarker }, path.join(publicDir, file));
    await writeFile(path.join(publicDir, `clips/${tag}-${i}.srt`), result.srt);
    clips[`${tag}-${i}`] = {
      requestKey: requestKey(request),
      generation: 'v3',
      backend: 'emulator',
      videoId: `${tag}-${i}`,
      file,
      durationSec: result.durationSec,
      fps: result.fps,
      width,
      height,
      sizeBytes: 0,
      subtitles: `clips/${tag}-${i}.srt`,
      words: result.words,
      createdAt: new Date(0).toISOString(),
    };
  }
  return { version: 1, clips };
}
