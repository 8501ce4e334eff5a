/** Which of HeyGen's three envelopes a route answers with. */
export type EnvelopeFamily = 'v1' | 'v2' | 'v3';

const V1_CODES: Record<number, number> = { 400: 400175, 401: 400112, 402: 400599, 403: 400562, 404: 40031, 409: 40099, 413: 40098, 429: 400664, 500: 50000, 502: 50002, 503: 50003 };

/** The family of a path: v3 routes, the v2 `{error,data}` routes, and the v1 `{code,data,message}` ones. */
export function envelopeFamilyOf(path: string): EnvelopeFamily {
  if (path.startsWith('/v3/') || path.startsWith('/__emulator/')) return 'v3';
  if (path.startsWith('/v2/') || path === '/v1/video.webm' || path === '/v1/video_agent/generate') return 'v2';
  return 'v1';
}

export function docUrlFor(code: string): string {
  return `https://developers.heygen.com/docs/error-codes#${code.replace(/_/g, '-')}`;
}

export function successBody(family: EnvelopeFamily, data: unknown, extra: Record<string, unknown> = {}): unknown {
  if (family === 'v3') return { data, ...extra };
  if (family === 'v2') return { error: null, data, ...extra };
  return { code: 100, data, message: 'Success', msg: null, ...extra };
}

export function errorBody(family: EnvelopeFamily, status: number, code: string, message: string, param?: string): unknown {
  if (family === 'v3') return { error: { code, message, ...(param ? { param } : {}), doc_url: docUrlFor(code) } };
  if (family === 'v2') return { data: null, error: { code, message } };
  return { code: V1_CODES[status] ?? 40001, data: null, message, msg: null };
}

/** HeyGen's lowercase code for a bare HTTP status. */
export function defaultCodeFor(status: number): string {
  const codes: Record<number, string> = {
    400: 'invalid_parameter',
    401: 'unauthorized',
    402: 'insufficient_credit',
    403: 'forbidden',
    404: 'not_found',
    409: 'conflict',
    413: 'payload_too_large',
    429: 'rate_limit_exceeded',
    500: 'internal_error',
    502: 'bad_gateway',
    503: 'service_unavailable',
    504: 'gateway_timeout',
  };
  return codes[status] ?? (status >= 500 ? 'internal_error' : 'invalid_request');
}
