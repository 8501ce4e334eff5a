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

/** HeyGen no longer has it: a 404, whichever client (v3 or legacy) read it. */
const isNotFound = (err: unknown): boolean => err instanceof NotFoundError || (err as { status?: number }).status === 404;

/** Resources read one id per request (no bulk read): `read` each, `toStatus` its answer; a 404 is not_found. */
function oneByOne<T>(read: (client: HeyGenClient, id: string, signal?: AbortSignal) => Promise<T>, toStatus: (client: HeyGenClient, id: string, answer: T) => RemoteStatus | Promise<RemoteStatus>) {
  return (client: HeyGenClient): StatusSource => ({
    maxBatch: 1,
    async fetch(ids, signal) {
      const out = new Map<string, RemoteStatus>();
      for (const id of ids) {
        const answer = await read(client, id, signal).catch((err: unknown) => {
          if (isNotFound(err)) return null;
          throw err;
        });
        out.set(id, answer === null ? { status: 'not_found', phase: 'not_found' } : await toStatus(client, id, answer));
      }
      return out;
    },
  });
}

/** Lipsyncs, translations, proofreads: their status and failure message under the kind's own failure code. */
const withFailureCode =
  (failureCode: string) =>
  (_client: HeyGenClient, _id: string, s: { status: string; failure_message?: string | null }): RemoteStatus => ({
    status: s.status,
    phase: phaseOf(s.status),
    failure: phaseOf(s.status) === 'failed' ? { code: failureCode, message: s.failure_message ?? undefined } : undefined,
  });

/** Legacy videos (`/v1/video_status.get`: the legacy API has no bulk read); their error is a string or an object. */
function legacyStatus(_client: HeyGenClient, _id: string, s: Awaited<ReturnType<HeyGenClient['legacy']['videoStatus']>>): RemoteStatus {
  const error = typeof s.error === 'string' ? { message: s.error } : s.error ? { code: s.error.code == null ? undefined : String(s.error.code), message: s.error.detail ?? s.error.message ?? undefined } : undefined;
  return { status: s.status, phase: phaseOf(s.status), failure: error };
}

/**
 * Photo avatar looks (`GET /v3/avatars/looks/{id}`). `pending_consent` blocks the job with the consent link and
 * what the pictured person must do.
 */
async function lookStatus(client: HeyGenClient, id: string, look: Awaited<ReturnType<HeyGenClient['avatars']['getLook']>>): Promise<RemoteStatus> {
  const status = look.status ?? 'completed';
  if (status === 'pending_consent') {
    const { url } = await client.avatars.consent(look.group_id ?? id);
    const message = `photo avatar ${id} waits for consent: the person in the photo must open ${url ?? 'the consent link in HeyGen (Avatars)'} and agree, then re-run (the same avatar is used, not a new one)`;
    return { status, phase: 'blocked', failure: { code: 'pending_consent', message } };
  }
  return { status, phase: phaseOf(status), failure: status === 'failed' ? { code: look.error?.code ?? 'photo_avatar_failed', message: look.error?.message ?? undefined } : undefined };
}

/** Every way of waiting a kind can name (JobKind.statusSource). */
export const STATUS_SOURCES: Record<string, (client: HeyGenClient) => StatusSource> = {
  'v3-videos': v3Videos,
  'legacy-videos': oneByOne((client, id) => client.legacy.videoStatus(id), legacyStatus),
  'v3-lipsyncs': oneByOne((client, id, signal) => client.lipsyncs.get(id, { signal }), withFailureCode('lipsync_failed')),
  'video-translations': oneByOne((client, id, signal) => client.videoTranslations.get(id, { signal }), withFailureCode('translation_failed')),
  'proofreads': oneByOne((client, id, signal) => client.videoTranslations.proofreads.get(id, { signal }), withFailureCode('proofread_failed')),
  'v3-avatar-looks': oneByOne((client, id) => client.avatars.getLook(id), lookStatus),
};
