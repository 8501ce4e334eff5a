import { HttpError } from './http-error';

/**
 * HeyGen's cursor pages: `limit` within the route's range, `token` the opaque `next_token` of the previous page;
 * `has_more` and `next_token` go beside `data`.
 */
export function paginateList<T>(items: readonly T[], query: URLSearchParams, range: { def: number; max: number }, scope: string): { data: T[]; extra: { has_more: boolean; next_token: string | null } } {
  const rawLimit = query.get('limit');
  const limit = rawLimit === null || rawLimit === '' ? range.def : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > range.max) throw new HttpError(400, `limit must be between 1 and ${range.max}`, { code: 'invalid_parameter', param: 'limit' });
  let offset = 0;
  const token = query.get('token');
  if (token) {
    let decoded: { s?: string; o?: number } = {};
    try {
      decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: string; o?: number };
    } catch {
      decoded = {};
    }
    if (decoded.s !== scope || !Number.isInteger(decoded.o) || (decoded.o as number) < 0) throw new HttpError(400, 'token is not a valid pagination token for this list', { code: 'invalid_parameter', param: 'token' });
    offset = decoded.o as number;
  }
  const data = items.slice(offset, offset + limit);
  const more = offset + limit < items.length;
  return { data, extra: { has_more: more, next_token: more ? Buffer.from(JSON.stringify({ s: scope, o: offset + limit })).toString('base64url') : null } };
}
