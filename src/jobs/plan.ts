import { clipFiles, clipKey, clipRequestsFor, requestKey, type ClipBackend, type ClipRequest, type Generation } from '../spec/clip-request';
import type { Manifest } from '../spec/manifest';
import { estimateSpeechSec } from '../spec/timeline';
import type { ClipStore } from '../project/clip-store';
import type { LoadedSpec } from '../project/load-spec';

export interface PlannedClip {
  key: string;
  requestKey: string;
  request: ClipRequest;
  /** Every spec scene that uses this clip (identical scenes share one). */
  usedBy: { file: string; specId: string; scene: number; locale: string }[];
  cached: boolean;
  /** Stored but not whole (truncated, replaced): fetched again from the video HeyGen already made, never regenerated. */
  refetch?: { videoId: string; reason: string };
  estimatedSec: number;
  /** What estimatedSec rests on, for --dry-run ("the footage's length", "the template's script", ...). */
  estimateBasis?: string;
  /** The job kind that makes it (avatar-clip, template-video, agent-video): shown by --dry-run. */
  kind: string;
  /** Estimated price of generating it (0 when cached or on the emulator); set by the prebuild's plan. */
  estimatedUsd: number;
}

export interface Plan {
  generation: Generation;
  backend: ClipBackend;
  clips: PlannedClip[];
}

function storedState(store: ClipStore, manifest: Manifest, key: string): Pick<PlannedClip, 'cached' | 'refetch'> {
  const stored = store.inspect(manifest, key);
  if (stored.state === 'ok') return { cached: true };
  if (stored.state === 'damaged' && stored.videoId) return { cached: false, refetch: { videoId: stored.videoId, reason: stored.reason } };
  return { cached: false };
}

export function planClips(
  specs: LoadedSpec[],
  manifest: Manifest,
  store: ClipStore,
  generation: Generation,
  backend: ClipBackend,
  fileHashes: Record<string, string> = {},
): Plan {
  const byKey = new Map<string, PlannedClip>();
  for (const { file, spec } of specs) {
    clipRequestsFor(spec).forEach((request, scene) => {
      const files = Object.fromEntries(clipFiles(request).map((f) => [f, fileHashes[f] ?? 'missing']));
      const key = clipKey(request, generation, backend, files);
      const existing = byKey.get(key);
      if (existing) {
        existing.usedBy.push({ file, specId: spec.id, scene, locale: spec.locale });
        return;
      }
      byKey.set(key, {
        key,
        requestKey: requestKey(request),
        request,
        usedBy: [{ file, specId: spec.id, scene, locale: spec.locale }],
        ...storedState(store, manifest, key),
        kind: request.source ? `${request.source.type}-video` : 'avatar-clip',
        estimatedUsd: 0,
        estimatedSec: request.source ? 8 : request.speech.type === 'script' ? estimateSpeechSec(request.speech.script, request.voice.speed) : 0,
      });
    });
  }
  return { generation, backend, clips: [...byKey.values()] };
}
