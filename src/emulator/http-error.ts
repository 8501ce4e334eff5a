import { defaultCodeFor } from './envelopes';

/** Thrown by a route handler to answer with HeyGen's error envelope for the route's family. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly param?: string;
  readonly headers: Record<string, string>;
  constructor(status: number, message: string, opts: { code?: string; param?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.status = status;
    this.code = opts.code ?? defaultCodeFor(status);
    this.param = opts.param;
    this.headers = opts.headers ?? {};
  }
}
