import { Agent, request, type Dispatcher, FormData } from 'undici';
import type { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import type { HeyGenConfig } from './config';
import { APIConnectionError, APITimeoutError, ConfigurationError, HeyGenError, InternalServerError, InvalidResponseError } from './errors';
import { makeApiError } from './error-classes';
import { parseEnvelope } from './parse-envelope';
import { parseRetryAfter } from './parse-retry-after';
import { retryDelay } from './retry-delay';
import { isRetryable } from './is-retryable';
import { redactText } from './redact';
import { sleep } from './sleep';

export type CallKind = 'read' | 'write' | 'create' | 'upload';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RequestBody = Buffer | Readable | FormData | string;

export interface TransportRequest {
  method: HttpMethod;
  /** a path on the chosen host, or an absolute URL (then no credential is sent) */
  path: string;
  host?: 'api' | 'upload';
  query?: Record<string, string | number | boolean | null | undefined>;
  json?: unknown;
  /** a fresh body per attempt (a stream can be sent only once) */
  body?: () => RequestBody;
  headers?: Record<string, string>;
  kind: CallKind;
  idempotencyKey?: string;
  /** HeyGen documents the call as idempotent (repeating it changes nothing): retried after a timeout or a 5xx like a GET */
  idempotent?: boolean;
  signal?: AbortSignal;
  maxRetries?: number;
  /** answers that are not an envelope (the PUT to a signed upload URL) */
  raw?: boolean;
  /** send only these headers (a presigned PUT breaks on any header it was not signed with) */
  exactHeaders?: boolean;
}

export interface TransportResponse {
  status: number;
  data: unknown;
  body: unknown;
  requestId?: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface Transport {
  readonly config: HeyGenConfig;
  readonly dispatcher: Dispatcher;
  request(req: TransportRequest): Promise<TransportResponse>;
  /** the key and token, for scrubbing text that leaves the client */
  secrets(): (string | undefined)[];
  close(): Promise<void>;
}

const TRANSPORT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

const TIMEOUT_NAMES: Record<CallKind, keyof HeyGenConfig['timeouts']> = { read: 'readMs', write: 'writeMs', create: 'createMs', upload: 'uploadMs' };

/** HeyGen's CLI: reads 30 s, writes 120 s, uploads 10 min. */
function timeoutFor(config: HeyGenConfig, kind: CallKind): number {
  return config.timeouts[TIMEOUT_NAMES[kind]];
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function buildUrl(config: HeyGenConfig, req: TransportRequest): URL {
  const absolute = /^https?:\/\//i.test(req.path);
  const base = req.host === 'upload' ? config.uploadBaseUrl : config.baseUrl;
  const url = new URL(absolute ? req.path : `${base}${req.path.startsWith('/') ? '' : '/'}${req.path}`);
  for (const [name, value] of Object.entries(req.query ?? {})) {
    if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
  }
  return url;
}

/** One place that sends every HeyGen call: auth, timeouts per kind of call, envelopes, typed errors, retries. */
export function createTransport(config: HeyGenConfig): Transport {
  const ownDispatcher = config.dispatcher ? undefined : new Agent({ keepAliveTimeout: 4_000, connections: 32 });
  const dispatcher: Dispatcher = config.dispatcher ?? (ownDispatcher as Agent);
  const secrets = (): (string | undefined)[] => [config.apiKey, config.bearerToken];
  const scrub = (text: string): string => redactText(text, secrets());

  function authHeaders(): Record<string, string> {
    if (config.apiKey) return { 'x-api-key': config.apiKey };
    if (config.bearerToken) return { authorization: `Bearer ${config.bearerToken}` };
    throw new ConfigurationError('No HeyGen credential: set HEYGEN_API_KEY (or pass apiKey / bearerToken to createHeyGenClient)');
  }

  async function attempt(req: TransportRequest, url: URL): Promise<TransportResponse> {
    const absolute = /^https?:\/\//i.test(req.path);
    const headers: Record<string, string> = req.exactHeaders
      ? { ...req.headers }
      : {
          accept: 'application/json',
          'user-agent': config.userAgent,
          'x-client-request-id': randomUUID(),
          ...(absolute ? {} : authHeaders()),
          ...req.headers,
        };
    if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey;
    let body: RequestBody | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] = 'application/json';
    } else if (req.body) {
      body = req.body();
    }
    const timeoutMs = timeoutFor(config, req.kind);
    const timer = new AbortController();
    const handle = setTimeout(() => timer.abort(), timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timer.signal]) : timer.signal;
    const started = Date.now();
    try {
      const res = await request(url, {
        method: req.method,
        headers,
        body: body as never,
        dispatcher,
        signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      const text = await res.body.text();
      const requestId = headerText(res.headers['x-request-id']);
      config.log?.(`${req.method} ${url.pathname} -> ${res.statusCode} in ${Date.now() - started} ms${requestId ? ` (request ${requestId})` : ''}`);
      return interpret(res.statusCode, text, res.headers, requestId, req);
    } catch (error) {
      if (error instanceof HeyGenError) throw error;
      if (req.signal?.aborted) throw req.signal.reason ?? error;
      const code = (error as { code?: string }).code ?? '';
      if (timer.signal.aborted || TIMEOUT_CODES.has(code)) {
        throw new APITimeoutError(`${req.method} ${url.pathname} timed out after ${timeoutMs} ms (a ${req.kind} call); raise timeouts.${TIMEOUT_NAMES[req.kind]} if the network is slow`, {}, { cause: error });
      }
      const reason = scrub(error instanceof Error ? error.message : String(error));
      if (TRANSPORT_CODES.has(code) || error instanceof Error) {
        throw new APIConnectionError(`${req.method} ${url.pathname} failed before an answer: ${code || reason}${code && reason && !reason.includes(code) ? ` (${reason})` : ''}`, { code: code || undefined }, { cause: error });
      }
      throw error;
    } finally {
      clearTimeout(handle);
    }
  }

  function interpret(status: number, text: string, headers: Record<string, string | string[] | undefined>, requestId: string | undefined, req: TransportRequest): TransportResponse {
    if (req.raw && status < 400) return { status, data: undefined, body: text, requestId, headers };
    let body: unknown;
    try {
      body = text.length ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (body === undefined) {
      const snippet = scrub(text.slice(0, 200).replace(/\s+/g, ' ').trim());
      if (status >= 500) throw new InternalServerError(`HeyGen answered ${status} without a JSON body (the request never reached the API): ${snippet}`, { status, requestId });
      if (status >= 400) throw makeApiError(`HeyGen answered ${status} without a JSON body: ${snippet}`, { status, requestId, retryAfterMs: parseRetryAfter(headers['retry-after']) });
      if (text.length === 0) return { status, data: undefined, body: undefined, requestId, headers };
      throw new InvalidResponseError(`HeyGen answered ${status} with a body that is not JSON: ${snippet}`, { status, requestId });
    }
    const parsed = parseEnvelope(body);
    if (!parsed.ok || status >= 400) {
      const message = scrub(parsed.ok ? `HeyGen answered ${status}` : parsed.message);
      throw makeApiError(message, {
        status,
        code: parsed.ok ? undefined : parsed.code,
        param: parsed.ok ? undefined : parsed.param,
        docUrl: parsed.ok ? undefined : parsed.docUrl,
        requestId,
        retryAfterMs: parseRetryAfter(headers['retry-after']),
      });
    }
    return { status, data: parsed.data, body, requestId, headers };
  }

  async function send(req: TransportRequest): Promise<TransportResponse> {
    const url = buildUrl(config, req);
    const maxRetries = req.maxRetries ?? config.maxRetries;
    const policy = { maxRetries, baseDelayMs: config.retryBaseDelayMs, maxDelayMs: config.retryMaxDelayMs };
    for (let n = 0; ; n++) {
      try {
        return await attempt(req, url);
      } catch (error) {
        if (!(error instanceof HeyGenError) || n >= maxRetries || !isRetryable(error, req.method, Boolean(req.idempotencyKey), req.idempotent)) throw error;
        const wait = retryDelay(n, policy, (error as { retryAfterMs?: number }).retryAfterMs);
        config.log?.(`retrying ${req.method} ${url.pathname} in ${wait} ms after ${error.name}${error.code ? ` ${error.code}` : ''} (attempt ${n + 2} of ${maxRetries + 1})`);
        await sleep(wait, req.signal);
      }
    }
  }

  return {
    config,
    dispatcher,
    request: send,
    secrets,
    async close() {
      await ownDispatcher?.close();
    },
  };
}

export { FormData };
