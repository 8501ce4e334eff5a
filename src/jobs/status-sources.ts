import { NotFoundError, type HeyGenClient } from '../heygen';
import type { RemoteStatus, StatusSource } from './status-poller';

function phaseOf(status: string): RemoteStatus['phase'] {
  if (status === 'completed') return 'completed';
  if (status === 'failed' || status === 'error') return 'failed';
  if (status === 'not_found') return 'not_found';
  // 'running': lipsyncs and translations say so where videos say 'processing'
  return status === 'processing' || status === 'running' ? 'processing' : 'waiting';
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

/** Resources read one id per request (lipsyncs, translations, proofreads: no bulk read): their status, failure message, or not_found. */
function oneByOne(read: (client: HeyGenClient, id: string, signal?: AbortSignal) => Promise<{ status: string; failure_message?: string | null }>, failureCode: string) {
  return (client: HeyGenClient): StatusSource => ({
    maxBatch: 1,
    async fetch(ids, signal) {
      const out = new Map<string, RemoteStatus>();
      for (const id of ids) {
        const s = await read(client, id, signal).catch((err: unknown) => {
          if (err instanceof NotFoundError) return null;
          throw err;
        });
        if (!s) out.set(id, { status: 'not_found', phase: 'not_found' });
        else out.set(id, { status: s.status, phase: phaseOf(s.status), failure: phaseOf(s.status) === 'failed' ? { code: failureCode, message: s.failure_message ?? undefined } : undefined });
      }
      return out;
    },
  });
}

/**
 * Photo avatar looks: `GET /v3/avatars/looks/{id}` one at a time. `pending_consent` blocks the job with the
 * consent link (asked for once) and what the pictured person must do.
 */
function v3AvatarLooks(client: HeyGenClient): StatusSource {
  return {
    maxBatch: 1,
    async fetch(ids) {
      const out = new Map<string, RemoteStatus>();
      for (const id of ids) {
        const look = await client.avatars.getLook(id).catch((err: Error & { status?: number }) => {
          if (err.status === 404) return null;
          throw err;
        });
        const status = look?.status ?? 'completed';
        if (!look) out.set(id, { status: 'not_found', phase: 'not_found' });
        else if (status === 'pending_consent') {
          const { url } = await client.avatars.consent(look.group_id ?? id);
          const message = `photo avatar ${id} waits for consent: the person in the photo must open ${url ?? 'the consent link in HeyGen (Avatars)'} and agree, then re-run (the same avatar is used, not a new one)`;
          out.set(id, { status, phase: 'blocked', failure: { code: 'pending_consent', message } });
        } else out.set(id, { status, phase: phaseOf(status), failure: status === 'failed' ? { code: look.error?.code ?? 'photo_avatar_failed', message: look.error?.message ?? undefined } : undefined });
      }
      return out;
    },
  };
}

/** Every way of waiting a kind can name (JobKind.statusSource). */
export const STATUS_SOURCES: Record<string, (client: HeyGenClient) => StatusSource> = {
  'v3-videos': v3Videos,
  'legacy-videos': legacyVideos,
  'v3-lipsyncs': oneByOne((client, id, signal) => client.lipsyncs.get(id, { signal }), 'lipsync_failed'),
  'video-translations': oneByOne((client, id, signal) => client.videoTranslations.get(id, { signal }), 'translation_failed'),
  'proofreads': oneByOne((client, id, signal) => client.videoTranslations.proofreads.get(id, { signal }), 'proofread_failed'),
  'v3-avatar-looks': v3AvatarLooks,
};
