/** Fields every HeyGen error carries; none of them ever holds the API key. */
export interface HeyGenErrorFields {
  status?: number;
  code?: string;
  param?: string;
  requestId?: string;
  docUrl?: string;
}

export class HeyGenError extends Error {
  readonly status?: number;
  readonly code?: string;
  readonly param?: string;
  readonly requestId?: string;
  readonly docUrl?: string;

  constructor(message: string, fields: HeyGenErrorFields = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.status = fields.status;
    this.code = fields.code;
    this.param = fields.param;
    this.requestId = fields.requestId;
    this.docUrl = fields.docUrl;
  }

  override toString(): string {
    const parts = [this.status !== undefined ? `status ${this.status}` : '', this.code ?? '', this.requestId ? `request ${this.requestId}` : ''].filter(Boolean);
    return `${this.name}: ${this.message}${parts.length ? ` (${parts.join(', ')})` : ''}`;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, status: this.status, code: this.code, param: this.param, requestId: this.requestId, docUrl: this.docUrl };
  }
}

/** HeyGen answered with an error envelope (whatever the HTTP status). */
export class APIError extends HeyGenError {}
export class BadRequestError extends APIError {}
export class AuthenticationError extends APIError {}
export class InsufficientCreditError extends APIError {}
export class PermissionDeniedError extends APIError {}
export class NotFoundError extends APIError {}
export class ConflictError extends APIError {}
/** 409 `request_in_progress`: the same idempotency key is still being processed. */
export class RequestInProgressError extends ConflictError {}
export class PayloadTooLargeError extends APIError {}
export class UnprocessableEntityError extends APIError {}
export class RateLimitError extends APIError {
  readonly retryAfterMs?: number;
  constructor(message: string, fields: HeyGenErrorFields & { retryAfterMs?: number } = {}) {
    super(message, fields);
    this.retryAfterMs = fields.retryAfterMs;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}
export class InternalServerError extends APIError {}

/** The request never got an answer: refused, reset, DNS, TLS. */
export class APIConnectionError extends HeyGenError {}
/** The request took longer than its timeout for its kind of call. */
export class APITimeoutError extends APIConnectionError {}
/** The body was not what HeyGen documents (not JSON, or failed the schema). */
export class InvalidResponseError extends HeyGenError {}
/** The client is missing a credential or a base URL. */
export class ConfigurationError extends HeyGenError {}

export class VideoFailedError extends HeyGenError {
  readonly videoId: string;
  readonly failureCode?: string;
  readonly failureMessage?: string;
  constructor(videoId: string, failureCode: string | undefined, failureMessage: string | undefined) {
    super(`Video ${videoId} failed: ${failureCode ?? 'unknown_failure'}${failureMessage ? `: ${failureMessage}` : ''}`, { code: failureCode });
    this.videoId = videoId;
    this.failureCode = failureCode;
    this.failureMessage = failureMessage;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), videoId: this.videoId, failureCode: this.failureCode, failureMessage: this.failureMessage };
  }
}

export class VideoTimeoutError extends HeyGenError {
  readonly videoId: string;
  readonly elapsedMs: number;
  readonly lastStatus?: string;
  constructor(videoId: string, elapsedMs: number, lastStatus: string | undefined) {
    super(
      `Video ${videoId} was still ${lastStatus ?? 'unknown'} after ${Math.round(elapsedMs / 1000)} s; it was not resubmitted (the render goes on at HeyGen): wait again with the same id or raise deadlineMs`,
    );
    this.videoId = videoId;
    this.elapsedMs = elapsedMs;
    this.lastStatus = lastStatus;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), videoId: this.videoId, elapsedMs: this.elapsedMs, lastStatus: this.lastStatus };
  }
}

/** A download ended short of the announced length or the file host refused it. */
export class DownloadError extends HeyGenError {}

export class WebhookVerificationError extends HeyGenError {}

/** A HeyGen job other than a video (agent session, lipsync, translation, photo avatar) ended failed. */
export class JobFailedError extends HeyGenError {
  readonly kind: string;
  readonly jobId: string;
  readonly failureMessage?: string;
  constructor(kind: string, jobId: string, failureCode: string | undefined, failureMessage: string | undefined) {
    super(`${kind} ${jobId} failed${failureCode ? `: ${failureCode}` : ''}${failureMessage ? `: ${failureMessage}` : ''}`, { code: failureCode });
    this.kind = kind;
    this.jobId = jobId;
    this.failureMessage = failureMessage;
  }
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), kind: this.kind, jobId: this.jobId, failureMessage: this.failureMessage };
  }
}

/** A photo avatar waits for the pictured person's consent: they must open `consentUrl`. */
export class ConsentRequiredError extends HeyGenError {
  readonly groupId: string;
  readonly consentUrl?: string;
  constructor(groupId: string, consentUrl: string | undefined) {
    super(`Avatar group ${groupId} needs the consent of the person in the photo: ${consentUrl ? `have them open ${consentUrl} and follow the steps` : 'ask HeyGen for a consent link (POST /v3/avatars/{group_id}/consent)'}, then wait for the avatar again`, { code: 'pending_consent' });
    this.groupId = groupId;
    this.consentUrl = consentUrl;
  }
}
