import { EMULATOR_HEADER } from './emulator-header';
import http from 'node:http';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Speech, SpeechRequest } from './synth';
import { Router, type RouteContext, type RouteResult } from './router';
import { EmulatorState, type RecordedRequest } from './emulator-state';
import { FaultRegistry, BEFORE_FAULTS, AFTER_FAULTS } from './faults';
import { JobRunner, type EmulatorTiming } from './job-runner';
import { UrlSigner } from './signed-urls';
import { HttpError } from './http-error';
import { envelopeFamilyOf, errorBody, successBody } from './envelopes';
import type { EmulatorContext } from './emulator-context';
import type { Synthesize } from './render-video';
import type { VideoJob } from './video-job';
import { registerV3VideoRoutes } from './routes/v3-videos';
import { registerFileRoutes } from './routes/files';
import { registerControlRoutes } from './routes/control';
import { registerV3AssetRoutes } from './routes/v3-assets';
import { registerV3CatalogRoutes } from './routes/v3-catalog';
import { registerV3WebhookRoutes } from './routes/v3-webhooks';
import { registerLegacyRoutes } from './routes/legacy';
import { deliverVideoEvent } from './webhook-delivery';
import { registerV3VideoAgentRoutes } from './routes/v3-video-agents';
import { registerV3TemplateRoutes } from './routes/v3-templates';
import { registerV3PhotoAvatarRoutes } from './routes/v3-photo-avatars';
import { registerV3LipsyncRoutes } from './routes/v3-lipsyncs';
import { registerV3TranslationRoutes } from './routes/v3-video-translations';
import { rememberRender } from './remember-render';
import type { EmulatorExchange } from './exchange';
import { chargeVideo, type EmulatorBilling } from './billing';

// The synthesizer (canvas, eSpeak NG's WebAssembly, the WebM encoder) loads on the first clip or speech asked for: a
// run that finds every clip stored (a no-op prebuild) starts the emulator without it.
const synthesizeClip: Synthesize = async (req, outFile) => (await import('./synth/clip')).synthesizeClip(req, outFile);
const synthesizeSpeech = async (req: SpeechRequest): Promise<Speech> => (await import('./synth/speech')).synthesizeSpeech(req);

export interface EmulatorOptions {
  /** 0 (default) picks a free port */
  port?: number;
  host?: string;
  /** where videos and uploads go; a temporary directory (removed on close) by default */
  dataDir?: string;
  timing?: Partial<EmulatorTiming>;
  /** concurrent renders (HeyGen's plan cap); jobs beyond it stay `pending`. Default 10 */
  concurrencyCap?: number;
  /** clip syntheses at once. Default 1 */
  synthParallelism?: number;
  synthesize?: Synthesize;
  speech?: (req: SpeechRequest) => Promise<Speech>;
  log?: (line: string) => void;
  /** only these keys are accepted (any non-empty key or bearer token by default) */
  apiKeys?: string[];
  /** several accounts on one emulator: API key (or bearer token) -> username in `GET /v3/users/me`; others are "emulator" */
  accounts?: Record<string, string>;
  /** lifetime of signed video URLs; 7 days by default */
  urlTtlMs?: number;
  /** waits between webhook delivery attempts; one attempt more than entries */
  webhookRetryDelaysMs?: number[];
  /** secret that signs deliveries to per-video `callback_url`s (HeyGen does not document one) */
  callbackSecret?: string;
  walletUsd?: number;
  /** how the account pays (wallet by default) and its subscription or usage-based figures */
  billing?: Partial<EmulatorBilling>;
  /** legacy quota in credits (remaining_quota = credits × 60) */
  quotaCredits?: number;
  /** accept avatar and voice ids outside the catalogue */
  acceptUnknownIds?: boolean;
  /** the v3 `resolution` when a create leaves it out (HeyGen does not document it) */
  defaultResolution?: '720p' | '1080p';
  /** called with every API request answered with JSON (contract tests record the traffic with it) */
  onExchange?: (exchange: EmulatorExchange) => void;
}

export interface EmulatorStats {
  /** videos created (idempotent replays excluded) */
  readonly creates: number;
  readonly createsByKey: Map<string, number>;
  readonly createRequestsByKey: Map<string, number>;
  readonly videos: Map<string, VideoJob>;
  readonly requests: RecordedRequest[];
  readonly deliveries: EmulatorState['deliveries'];
}

export interface Emulator {
  url: string;
  port: number;
  dataDir: string;
  faults: FaultRegistry;
  stats: EmulatorStats;
  state: EmulatorState;
  /** makes every signed URL handed out so far expire */
  expireUrls(): void;
  /** changes the concurrency cap of a running emulator */
  setConcurrencyCap(cap: number): void;
  /** forgets every video, asset, webhook, fault and request */
  reset(): void;
  /** every route the emulator answers, `:name` for a path parameter */
  routes(): { method: string; pattern: string }[];
  close(): Promise<void>;
}

const DEFAULT_TIMING: EmulatorTiming = { pendingMs: 200, processingMinMs: 300 };

function credentialOf(rc: RouteContext): string | undefined {
  const key = rc.header('x-api-key')?.trim();
  const bearer = /^Bearer\s+(\S+)$/i.exec(rc.header('authorization') ?? '')?.[1];
  return key || bearer;
}

function authOk(rc: RouteContext, keys: string[] | undefined): boolean {
  const credential = credentialOf(rc);
  if (!credential) return false;
  return !keys || keys.includes(credential);
}

const REDACT = new Set(['x-api-key', 'authorization']);

function recordHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = REDACT.has(name) ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function writeJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Starts a local HeyGen: v3 and legacy routes over real HTTP, with fault injection for tests. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'heygen-emulator-')));
  await Promise.all(['videos', 'assets', 'speech'].map((d) => mkdir(path.join(dataDir, d), { recursive: true })));
  const log = opts.log ?? (() => {});
  const state = new EmulatorState({ walletUsd: opts.walletUsd ?? 100, quotaCredits: opts.quotaCredits ?? 600, billing: opts.billing });
  const faults = new FaultRegistry();
  const signer = new UrlSigner(opts.urlTtlMs ?? 7 * 24 * 3600 * 1000);
  const callbackSecret = opts.callbackSecret ?? 'whsec_emulator_callback_secret';
  let baseUrl = '';
  const timing: EmulatorTiming = { ...DEFAULT_TIMING, ...opts.timing };
  const runner = new JobRunner({
    timing,
    concurrencyCap: opts.concurrencyCap ?? 10,
    synthParallelism: opts.synthParallelism ?? 1,
    synthesize: opts.synthesize ?? synthesizeClip,
    filesDir: path.join(dataDir, 'videos'),
    log,
    onTerminal: (job) => {
      if (job.status === 'completed' && job.durationSec) chargeVideo(state, job.durationSec);
      if (job.status === 'completed' && job.videoFile && !job.internal) void rememberRender(state, job);
      if (!job.internal) deliverVideoEvent(ctx, job, { retryDelaysMs: opts.webhookRetryDelaysMs ?? [100, 200, 400, 800], callbackSecret });
    },
  });
  const ctx: EmulatorContext = {
    state,
    faults,
    runner,
    timing,
    signer,
    dataDir,
    baseUrl: () => baseUrl,
    synthesize: opts.synthesize ?? synthesizeClip,
    speech: opts.speech ?? synthesizeSpeech,
    log,
    acceptUnknownIds: opts.acceptUnknownIds ?? false,
    accountOf: (rc) => opts.accounts?.[credentialOf(rc) ?? ''] ?? 'emulator',
    defaultResolution: opts.defaultResolution ?? '1080p',
    createVideo(job) {
      state.videos.set(job.id, job);
      state.creates += 1;
      if (job.idempotencyKey) state.createsByKey.set(job.idempotencyKey, (state.createsByKey.get(job.idempotencyKey) ?? 0) + 1);
      runner.submit(job);
      log(`video ${job.id} created (${job.api}, ${job.width}x${job.height} ${job.outputFormat})`);
      return job;
    },
  };
  const emulatorRef: { current?: Emulator } = {};

  const router = new Router();
  registerV3VideoRoutes(router, ctx);
  registerV3VideoAgentRoutes(router, ctx);
  registerV3TemplateRoutes(router, ctx);
  registerV3PhotoAvatarRoutes(router, ctx);
  registerV3LipsyncRoutes(router, ctx);
  registerV3TranslationRoutes(router, ctx);
  registerV3AssetRoutes(router, ctx);
  registerV3CatalogRoutes(router, ctx);
  registerV3WebhookRoutes(router, ctx);
  registerLegacyRoutes(router, ctx);
  registerFileRoutes(router, ctx);
  registerControlRoutes(router, ctx, () => emulatorRef.current as Emulator);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = `req_${randomBytes(12).toString('hex')}`;
    res.setHeader('x-request-id', requestId);
    // Says who answers, so a client never takes a placeholder clip from here for a paid HeyGen one.
    res.setHeader(EMULATOR_HEADER, 'heygen-remotion-emulator');
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const reqPath = url.pathname;
    const control = reqPath.startsWith('/__emulator');
    if (!control) {
      state.requests.push({ method, path: reqPath, query: url.search, headers: recordHeaders(req.headers), at: Date.now() });
      if (state.requests.length > 20_000) state.requests.splice(0, 10_000);
    }
    const family = envelopeFamilyOf(reqPath);
    let bodyPromise: Promise<Buffer> | undefined;
    let rawBody: Buffer | undefined;
    let routePattern: string | undefined;
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}, how: { fault?: boolean; replayed?: boolean } = {}): void => {
      if (!control && opts.onExchange) {
        opts.onExchange({ method, path: reqPath, query: url.search, route: routePattern, requestHeaders: recordHeaders(req.headers), requestBody: rawBody, status, responseBody: body, fault: how.fault ?? false, replayed: how.replayed ?? false });
      }
      writeJson(res, status, body, headers);
    };
    const rc: RouteContext = {
      req,
      res,
      method,
      path: reqPath,
      query: url.searchParams,
      params: {},
      requestId,
      body() {
        bodyPromise ??= new Promise<Buffer>((resolve, reject) => {
          const chunks: Buffer[] = [];
          req.on('data', (c: Buffer) => chunks.push(c));
          req.on('end', () => {
            rawBody = Buffer.concat(chunks);
            resolve(rawBody);
          });
          req.on('error', reject);
          req.on('close', () => {
            if (!req.complete) reject(new Error('client closed the request before sending its body'));
          });
        });
        return bodyPromise;
      },
      async json<T>() {
        const raw = await rc.body();
        if (raw.length === 0) throw new HttpError(400, 'request body must be JSON', { code: 'invalid_parameter', param: 'body' });
        try {
          return JSON.parse(raw.toString('utf8')) as T;
        } catch {
          throw new HttpError(400, 'request body is not valid JSON', { code: 'invalid_parameter', param: 'body' });
        }
      },
      header(name) {
        const v = req.headers[name.toLowerCase()];
        return Array.isArray(v) ? v[0] : v;
      },
    };
    let idemSlot: string | undefined;
    let injected = false;
    try {
      let delayMs = 0;
      if (!control) {
        const fault = faults.take(method, reqPath, BEFORE_FAULTS);
        if (fault?.type === 'reset') {
          log(`fault: reset ${method} ${reqPath}`);
          req.socket.destroy();
          return;
        }
        if (fault?.type === 'status') {
          const headers: Record<string, string> = {};
          if (fault.status === 429 || fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter ?? 1);
          injected = true;
          throw new HttpError(fault.status, fault.message ?? `Injected ${fault.status}`, { code: fault.code, headers });
        }
        if (fault?.type === 'error-200') {
          const code = fault.code ?? 'internal_error';
          reply(200, errorBody(family, 500, code, fault.message ?? 'Injected error delivered with HTTP 200'), {}, { fault: true });
          return;
        }
        if (fault?.type === 'body') {
          reply(fault.status ?? 200, fault.body, {}, { fault: true });
          return;
        }
        if (fault?.type === 'gateway') {
          const html = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';
          res.writeHead(fault.status ?? 502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
          res.end(html);
          return;
        }
        if (fault?.type === 'delay') delayMs = fault.ms;
      }
      const { route, params, allowed } = router.match(method, reqPath);
      if (!route) {
        if (allowed.length) throw new HttpError(405, `Method ${method} not allowed on ${reqPath}`, { code: 'method_not_allowed', headers: { allow: allowed.join(', ') } });
        throw new HttpError(404, `No route ${method} ${reqPath}`, { code: 'not_found' });
      }
      rc.params = params;
      routePattern = route.pattern;
      if (route.auth && !authOk(rc, opts.apiKeys)) throw new HttpError(401, 'Invalid or missing API key', { code: 'unauthorized' });
      const key = route.idempotent ? rc.header('idempotency-key') : undefined;
      if (key !== undefined) {
        if (!/^[A-Za-z0-9_:.-]{1,255}$/.test(key)) throw new HttpError(400, 'Idempotency-Key must be 1-255 characters of [A-Za-z0-9_:.-]', { code: 'invalid_parameter', param: 'Idempotency-Key' });
        state.createRequestsByKey.set(key, (state.createRequestsByKey.get(key) ?? 0) + 1);
        // idempotency keys are per account (EmulatorOptions.accounts), as each HeyGen account has its own
        const slot = `${ctx.accountOf(rc)}|${method} ${reqPath}|${key}`;
        const entry = state.idempotency.get(slot);
        if (entry?.state === 'in_flight') throw new HttpError(409, 'A request with this Idempotency-Key is still being processed', { code: 'request_in_progress' });
        if (entry?.state === 'done') {
          await rc.body().catch(() => undefined); // a replay still receives (and records) the whole request
          log(`idempotent replay of ${method} ${reqPath} (${key})`);
          reply(entry.status ?? 200, entry.body, { 'idempotent-replayed': 'true' }, { replayed: true });
          return;
        }
        state.idempotency.set(slot, { state: 'in_flight', at: Date.now() });
        idemSlot = slot;
      }
      // a slow server has the whole request before it dawdles, and goes on even if the client gives up
      if (delayMs > 0) {
        await rc.body();
        await new Promise((r) => setTimeout(r, delayMs));
      }
      const result: RouteResult = await route.handler(rc);
      if (res.headersSent || res.writableEnded) return;
      const status = result?.status ?? 200;
      const body = successBody(result?.envelope ?? family, result?.data ?? null, result?.extra);
      if (idemSlot) {
        state.idempotency.set(idemSlot, { state: 'done', status, body, at: Date.now() });
        idemSlot = undefined;
      }
      if (!control && faults.take(method, reqPath, AFTER_FAULTS)) {
        log(`fault: reset after handling ${method} ${reqPath}`);
        req.socket.destroy();
        return;
      }
      reply(status, body, result?.headers);
    } catch (error) {
      if (idemSlot) state.idempotency.delete(idemSlot);
      if (error instanceof HttpError) {
        reply(error.status, errorBody(family, error.status, error.code, error.message, error.param), error.headers, { fault: injected });
        return;
      }
      log(`emulator error on ${method} ${reqPath}: ${(error as Error).stack ?? String(error)}`);
      reply(500, errorBody(family, 500, 'internal_error', 'Internal server error'));
    }
  }

  const server = http.createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  log(`HeyGen emulator listening on ${baseUrl} (data in ${dataDir})`);

  const emulator: Emulator = {
    url: baseUrl,
    port,
    dataDir,
    faults,
    state,
    stats: {
      get creates() {
        return state.creates;
      },
      get createsByKey() {
        return state.createsByKey;
      },
      get createRequestsByKey() {
        return state.createRequestsByKey;
      },
      get videos() {
        return state.videos;
      },
      get requests() {
        return state.requests;
      },
      get deliveries() {
        return state.deliveries;
      },
    },
    expireUrls: () => signer.expireAll(),
    setConcurrencyCap: (cap) => {
      runner.concurrencyCap = cap;
    },
    reset: () => {
      faults.clear();
      state.reset();
    },
    routes: () => router.list(),
    async close() {
      await runner.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  emulatorRef.current = emulator;
  return emulator;
}
