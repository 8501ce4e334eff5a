import type { Transport } from '../transport';
import { paginate } from '../paginate';
import { parseData } from '../parse-data';
import { avatarConsentSchema, avatarGroupSchema, avatarLookSchema, createdAvatarSchema, type AvatarGroup, type AvatarLook } from '../schemas/catalog';
import type { AssetInput } from '../schemas/video';
import { idempotencyKeyFor, normalizeIdempotencyKey } from '../idempotency-key';
import { pollUntil, type PollOptions } from '../poll-until';
import { ConsentRequiredError, InvalidResponseError } from '../errors';

export interface AvatarsResource {
  /** avatar groups (characters), every page */
  list(query?: { ownership?: 'public' | 'private'; limit?: number }): AsyncGenerator<AvatarGroup>;
  get(groupId: string): Promise<AvatarGroup>;
  /** looks, every page: a look's `id` is what `avatar_id` takes */
  looks(query?: { group_id?: string; avatar_type?: string; ownership?: 'public' | 'private'; limit?: number }): AsyncGenerator<AvatarLook>;
  getLook(lookId: string): Promise<AvatarLook>;
  /** `POST /v3/avatars` type photo: a look trained from one picture (an uploaded asset) */
  createPhoto(body: { name: string; file: AssetInput; avatar_group_id?: string }, opts?: { idempotencyKey?: string; signal?: AbortSignal }): Promise<{ look: AvatarLook; group?: AvatarGroup | null }>;
  /** the link the pictured person opens to consent */
  consent(groupId: string): Promise<{ group: AvatarGroup; url?: string | null }>;
  /**
   * Polls the look until `completed`. On `pending_consent` it asks for the consent link once and calls
   * `onConsentNeeded` (then polls on until consent is given) or, without it, throws ConsentRequiredError.
   */
  waitForLook(lookId: string, opts?: PollOptions & { onConsentNeeded?: (url: string | undefined) => void }): Promise<AvatarLook>;
}

export function createAvatarsResource(transport: Transport): AvatarsResource {
  const resource: AvatarsResource = {
    list: (query = {}) => paginate(transport, '/v3/avatars', query, avatarGroupSchema),
    async get(groupId) {
      const res = await transport.request({ method: 'GET', path: `/v3/avatars/${encodeURIComponent(groupId)}`, kind: 'read' });
      return parseData(avatarGroupSchema, res, 'GET /v3/avatars/{id}');
    },
    looks: (query = {}) => paginate(transport, '/v3/avatars/looks', query, avatarLookSchema),
    async getLook(lookId) {
      const res = await transport.request({ method: 'GET', path: `/v3/avatars/looks/${encodeURIComponent(lookId)}`, kind: 'read' });
      return parseData(avatarLookSchema, res, 'GET /v3/avatars/looks/{id}');
    },
    async createPhoto(body, opts = {}) {
      const json = { type: 'photo', ...body };
      const idempotencyKey = normalizeIdempotencyKey(opts.idempotencyKey ?? idempotencyKeyFor('POST /v3/avatars', json));
      const res = await transport.request({ method: 'POST', path: '/v3/avatars', json, kind: 'create', idempotencyKey, signal: opts.signal });
      const created = parseData(createdAvatarSchema, res, 'POST /v3/avatars');
      if (!created.avatar_item) throw new InvalidResponseError('POST /v3/avatars answered without avatar_item', { status: res.status, requestId: res.requestId });
      return { look: created.avatar_item, group: created.avatar_group };
    },
    async consent(groupId) {
      const res = await transport.request({ method: 'POST', path: `/v3/avatars/${encodeURIComponent(groupId)}/consent`, json: {}, kind: 'write' });
      const c = parseData(avatarConsentSchema, res, 'POST /v3/avatars/{group_id}/consent');
      return { group: c.avatar_group, url: c.url };
    },
    async waitForLook(lookId, opts = {}) {
      let asked = false;
      const getLook = async (signal?: AbortSignal) => parseData(avatarLookSchema, await transport.request({ method: 'GET', path: `/v3/avatars/looks/${encodeURIComponent(lookId)}`, kind: 'read', signal }), 'GET /v3/avatars/looks/{id}');
      return pollUntil(
        transport,
        {
          kind: 'Photo avatar',
          id: lookId,
          read: async (signal) => {
            const look = await getLook(signal);
            if (look.status === 'pending_consent' && !asked) {
              asked = true;
              const groupId = look.group_id ?? lookId;
              const { url } = await resource.consent(groupId);
              if (!opts.onConsentNeeded) throw new ConsentRequiredError(groupId, url ?? undefined);
              opts.onConsentNeeded(url ?? undefined);
            }
            return look;
          },
          status: (l) => l.status ?? 'completed',
          done: (l) => (l.status ?? 'completed') === 'completed',
          failed: (l) => (l.status === 'failed' ? { code: l.error?.code ?? 'photo_avatar_failed', message: l.error?.message } : undefined),
        },
        opts,
      );
    },
  };
  return resource;
}
