import sample from '../../public/sample/presenter.json';
import sampleWords from '../../public/sample/presenter.words.json';
import { clipRequestsFor, requestKey } from '../../src/spec/clip-request';
import type { ClipEntry, Manifest } from '../../src/spec/manifest';
import type { VideoSpec } from '../../src/spec/video-spec';

/**
 * A manifest in which every scene of `spec` is played by the shipped sample clip (public/sample/), so a template
 * opens in Studio with a moving, speaking presenter before any prebuild. Changing a scene's script in Studio changes
 * its clip key, and that scene falls back to the placeholder, as it would in a real render.
 */
export function sampleManifestFor(spec: VideoSpec): Manifest {
  const clips: Record<string, ClipEntry> = {};
  clipRequestsFor(spec).forEach((request, i) => {
    const key = requestKey(request);
    clips[`sample-${i}`] = {
      requestKey: key,
      generation: 'v3',
      backend: 'emulator',
      videoId: 'sample',
      file: sample.file,
      durationSec: sample.durationSec,
      fps: sample.fps,
      width: sample.width,
      height: sample.height,
      sizeBytes: sample.sizeBytes,
      subtitles: sample.subtitles,
      words: sampleWords,
      wordsSource: 'speech',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
  });
  return { version: 1, clips };
}
