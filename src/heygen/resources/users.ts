import type { Transport } from '../transport';
import { parseData } from '../parse-data';
import { userSchema, type User } from '../schemas/catalog';

export interface UsersResource {
  /** `GET /v3/users/me`: the account and its wallet balance; also a cheap auth probe */
  me(): Promise<User>;
}

export function createUsersResource(transport: Transport): UsersResource {
  return {
    async me() {
      const res = await transport.request({ method: 'GET', path: '/v3/users/me', kind: 'read' });
      return parseData(userSchema, res, 'GET /v3/users/me');
    },
  };
}
