import { APIConnectionError, APIError, RateLimitError, RequestInProgressError, type HeyGenError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * Classifies a failure: 429 always (the request was not processed); 409 `request_in_progress` and 5xx or
 * network failures only when repeating cannot create a second resource (a safe method, an idempotency key, or a
 * call HeyGen documents as idempotent, such as `POST /v3/assets/{id}/complete`).
 */
export function isRetryable(error: HeyGenError, method: string, hasIdempotencyKey: boolean, idempotent = false): boolean {
  const safe = SAFE_METHODS.has(method.toUpperCase()) || hasIdempotencyKey || idempotent;
  if (error instanceof RateLimitError) return true;
  if (error instanceof RequestInProgressError) return hasIdempotencyKey;
  if (error instanceof APIConnectionError) return safe;
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    return safe && (status === 408 || status >= 500);
  }
  return false;
}
