import type { Transport } from '../transport';
import { paginate } from '../paginate';
import { parseData } from '../parse-data';
import { avatarGroupSchema, avatarLookSchema, type AvatarGroup, type AvatarLook } from '../schemas/catalog';

export interface AvatarsResource {
  /** avatar groups (characters), every page */
  list(query?: { ownership?: 'public' | 'private'; limit?: number }): AsyncGenerator<AvatarGroup>;
  get(groupId: string): Promise<AvatarGroup>;
  /** looks, every page: a look's `id` is what `avatar_id` takes */
  looks(query?: { group_id?: string; avatar_type?: string; ownership?: 'public' | 'private'; limit?: number }): AsyncGenerator<AvatarLook>;
  getLook(lookId: string): Promise<AvatarLook>;
}

export function createAvatarsResource(transport: Transport): AvatarsResource {
  return {
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
  };
}
