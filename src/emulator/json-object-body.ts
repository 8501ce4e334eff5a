import { HttpError } from './http-error';
import type { RouteContext } from './router';

/** A create's body, refused with HeyGen's 400 unless it is a JSON object. */
export async function jsonObjectBody(rc: RouteContext): Promise<Record<string, unknown>> {
  const body = await rc.json<unknown>();
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'body must be a JSON object', { code: 'invalid_parameter', param: 'body' });
  return body as Record<string, unknown>;
}
