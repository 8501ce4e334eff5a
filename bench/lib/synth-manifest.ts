import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { synthesizeClip } from '../../src/emulator/synth/index';
import { clipRequestsFor, requestKey } from '../../src/spec/clip-request';
import type { ClipEntry, Manifest } from '../../src/spec/manifest';
import type { VideoSpec } from '../../src/spec/video-spec';

/**
 * One synthesized presenter clip per scene at a chosen size (what HeyGen sends: v3's 720x720 square, or a legacy
 * full-frame 1920x1080 WebM), written under <publicDir>/clips/<tag>-N.webm, and a manifest the timeline finds them in.
 */
export async function synthManifest(spec: VideoSpec, publicDir: string, size: { width: number; height: number }, tag: string): Promise<Manifest> {
  await mkdir(path.join(publicDir, 'clips'), { recursive: true });
  const clips: Record<string, ClipEntry> = {};
  for (const [i, request] of clipRequestsFor(spec).entries()) {
    const file = `clips/${tag}-${i}.webm`;
    const result = await synthesizeClip({ ...size, fps: 25, avatarId: tag, speech: { text: spec.scenes[i]!.script! } }, path.join(publicDir, file));
    await writeFile(path.join(publicDir, `clips/${tag}-${i}.srt`), result.srt);
    clips[`${tag}-${i}`] = {
      requestKey: requestKey(request),
      generation: 'v3',
      backend: 'emulator',
      videoId: `${tag}-${i}`,
      file,
      durationSec: result.durationSec,
      fps: result.fps,
      ...size,
      sizeBytes: 0,
      subtitles: `clips/${tag}-${i}.srt`,
      words: result.words,
      createdAt: new Date(0).toISOString(),
    };
  }
  return { version: 1, clips };
}
