import type { HeyGenClient } from '../heygen';
import type { RemoteStatus, StatusSource } from './status-poller';

function phaseOf(status: string): RemoteStatus['phase'] {
  if (status === 'completed') return 'completed';
  if (status === 'failed' || status === 'error') return 'failed';
  if (status === 'not_found') return 'not_found';
  return status === 'processing' ? 'processing' : 'waiting';
}

/** v3 videos: one `GET /v3/videos/statuses` for up to 100 videos. */
function v3Videos(client: HeyGenClient): StatusSource {
  return {
    maxBatch: 100,
    async fetch(ids, signal) {
      const entries = await client.videos.statuses(ids, { signal });
      const out = new Map<string, RemoteStatus>();
      for (const e of entries) {
        if (!e.video_id) continue;
        const code = e.error?.code;
        out.set(e.video_id, { status: e.status, phase: phaseOf(e.status), failure: e.error ? { code: code === undefined || code === null ? undefined : String(code), message: e.error.message ?? undefined } : undefined });
      }
      return out;
    },
  };
}

/** Legacy videos: `/v1/video_status.get` reads one video per request (the legacy API has no bulk read). */
function legacyVideos(client: HeyGenClient): StatusSource {
  return {
    maxBatch: 1,
    async fetch(ids) {
      const out = new Map<string, RemoteStatus>();
      for (const id of ids) {
        const s = await client.legacy.videoStatus(id).catch((err: Error & { status?: number }) => {
          if (err.status === 404) return null;
          throw err;
        });
        if (!s) {
          out.set(id, { status: 'not_found', phase: 'not_found' });
          continue;
        }
        const error = typeof s.error === 'string' ? { message: s.error } : s.error ? { code: s.error.code == null ? undefined : String(s.error.code), message: s.error.detail ?? s.error.message ?? undefined } : undefined;
        out.set(id, { status: s.status, phase: phaseOf(s.status), failure: error });
      }
      return out;
    },
  };
}

/** Lipsyncs: `GET /v3/lipsyncs/{id}` one at a time (no bulk read); pending|running|completed|failed. */
function v3Lipsyncs(client: HeyGenClient): StatusSource {
  return {
    maxBatch: 1,
    async fetch(ids, signal) {
      const out = new Map<string, RemoteStatus>();
      for (const id of ids) {
        const l = await client.lipsyncs.get(id, { signal }).catch((err: Error & { status?: number }) => {
          if (err.status === 404) return null;
          throw err;
        });
        if (!l) out.set(id, { status: 'not_found', phase: 'not_found' });
        else out.set(id, { status: l.status, phase: l.status === 'running' ? 'processing' : phaseOf(l.status), failure: l.status === 'failed' ? { code: 'lipsync_failed', message: l.failure_message ?? undefined } : undefined });
      }
      return out;
    },
  };
}

/** Every way of waiting a kind can name (JobKind.statusSource). */
export const STATUS_SOURCES: Record<string, (client: HeyGenClient) => StatusSource> = {
  'v3-videos': v3Videos,
  'legacy-videos': legacyVideos,
  'v3-lipsyncs': v3Lipsyncs,
};
