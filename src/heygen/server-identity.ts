import { createHash } from 'node:crypto';
import type { HeyGenClient } from './client';
import type { ApiGeneration } from './config';
import { parseData } from './parse-data';
import { userSchema } from './schemas/catalog';

/** The header the local emulator sets on every response (HeyGen never does); kept in step with src/emulator. */
export const EMULATOR_HEADER = 'x-heygen-emulator';

/** Who answers a client, as the server itself says: what keys, the journal and the upload cache are scoped by. */
export interface ServerIdentity {
  /** 'emulator' when the server sent EMULATOR_HEADER, else 'heygen'; never guessed from environment variables. */
  backend: 'heygen' | 'emulator';
  generation: ApiGeneration;
  /** A short hash of the account (username/email): uploads and jobs belong to an account, not to a base URL. */
  account: string;
  /** `backend|generation|account`: the scope of journal entries. */
  scope: string;
}

/** One `GET /v3/users/me` (free): reads the emulator header and the account. */
export async function identifyServer(client: HeyGenClient): Promise<ServerIdentity> {
  const res = await client.transport.request({ method: 'GET', path: '/v3/users/me', kind: 'read' });
  const backend = res.headers[EMULATOR_HEADER] ? 'emulator' : 'heygen';
  const user = parseData(userSchema, res, 'GET /v3/users/me');
  const who = user.username || user.email || 'unknown';
  const account = createHash('sha256').update(`${backend}|${who}`).digest('hex').slice(0, 16);
  const generation = client.config.generation;
  return { backend, generation, account, scope: `${backend}|${generation}|${account}` };
}
