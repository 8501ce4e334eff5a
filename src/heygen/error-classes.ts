import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InsufficientCreditError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  RequestInProgressError,
  UnprocessableEntityError,
  type HeyGenErrorFields,
} from './errors';

// HeyGen codes that decide the class even when the HTTP status says 200 (errors in a 200 body).
const STATUS_OF_CODE: Record<string, number> = {
  unauthorized: 401,
  authentication_failed: 401,
  invalid_api_key: 401,
  '40009': 401,
  '400112': 401,
  '401057': 401,
  '401056': 401,
  insufficient_credit: 402,
  insufficient_credits: 402,
  forbidden: 403,
  resource_access_denied: 403,
  ai_vendor_access_restricted: 403,
  '400562': 403,
  '400573': 403,
  not_found: 404,
  resource_not_found: 404,
  video_not_found: 404,
  avatar_not_found: 404,
  voice_not_found: 404,
  asset_not_found: 404,
  '400144': 404,
  '400116': 404,
  conflict: 409,
  request_in_progress: 409,
  payload_too_large: 413,
  rate_limit_exceeded: 429,
  quota_exceeded: 429,
  trial_video_limit_exceeded: 429,
  '400664': 429,
  internal_error: 500,
  invalid_parameter: 400,
  invalid_request: 400,
  validation_error: 400,
  download_failed: 400,
};

/** The HTTP status an error stands for: the code wins over a 200 that carries an error body. */
export function effectiveStatus(httpStatus: number, code: string | undefined): number {
  if (httpStatus >= 400) return httpStatus;
  return (code !== undefined ? STATUS_OF_CODE[code.toLowerCase()] : undefined) ?? 400;
}

/** Builds the typed error for a status and HeyGen code (the openai-node/stripe-node shape). */
export function makeApiError(message: string, fields: HeyGenErrorFields & { retryAfterMs?: number }): APIError {
  const status = effectiveStatus(fields.status ?? 200, fields.code);
  if (fields.code === 'request_in_progress') return new RequestInProgressError(message, fields);
  if (status === 400) return new BadRequestError(message, fields);
  if (status === 401) return new AuthenticationError(message, fields);
  if (status === 402) return new InsufficientCreditError(message, fields);
  if (status === 403) return new PermissionDeniedError(message, fields);
  if (status === 404) return new NotFoundError(message, fields);
  if (status === 409) return new ConflictError(message, fields);
  if (status === 413) return new PayloadTooLargeError(message, fields);
  if (status === 422 || status === 424) return new UnprocessableEntityError(message, fields);
  if (status === 429) return new RateLimitError(message, fields);
  if (status >= 500) return new InternalServerError(message, fields);
  return new APIError(message, fields);
}
