import { createHash } from 'node:crypto';

const KEY_PATTERN = /^[A-Za-z0-9_:.-]{1,255}$/;

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** A key derived from the request's content, so the same request always carries the same key across retries and runs. */
export function idempotencyKeyFor(route: string, content: unknown): string {
  const hash = createHash('sha256').update(route).update('\n');
  if (Buffer.isBuffer(content)) hash.update(content);
  else hash.update(JSON.stringify(canonical(content)) ?? 'null');
  return `hgr-${hash.digest('hex').slice(0, 48)}`;
}

/** HeyGen accepts 1–255 characters from [A-Za-z0-9_:.-]; anything else is hashed into that alphabet. */
export function normalizeIdempotencyKey(key: string): string {
  return KEY_PATTERN.test(key) ? key : idempotencyKeyFor('key', key);
}
