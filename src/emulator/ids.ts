import { randomBytes } from 'node:crypto';

/** A HeyGen-looking id: 32 lowercase hex characters, optionally prefixed (`ep_…`). */
export function newId(prefix = ''): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}
