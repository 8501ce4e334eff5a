import type { Dispatcher } from 'undici';
import type { PollCadence } from './poll-cadence';

export type ApiGeneration = 'v3' | 'legacy';

export interface CallTimeouts {
  /** GET and other reads */
  readMs: number;
  /** writes other than creates and uploads (PATCH, DELETE, small JSON POSTs): HeyGen's CLI gives them 120 s */
  writeMs: number;
  /** video creates (HeyGen's p99 is about 31 s) */
  createMs: number;
  /** asset uploads */
  uploadMs: number;
  /** one whole file download */
  downloadMs: number;
}

export interface HeyGenConfig {
  apiKey?: string;
  /** OAuth access token sent as `Authorization: Bearer`; used only when no apiKey is set */
  bearerToken?: string;
  baseUrl: string;
  /** legacy raw uploads (`upload.heygen.com/v1/asset`) */
  uploadBaseUrl: string;
  generation: ApiGeneration;
  timeouts: CallTimeouts;
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** how often waitForVideo polls; defaults to HeyGen's advice, or a quick cadence against a loopback emulator */
  pollCadence: PollCadence;
  /** overall deadline of waitForVideo */
  waitDeadlineMs: number;
  userAgent: string;
  /** uploads above this go through the three-step direct upload (HeyGen's multipart cap is 32 MB) */
  multipartMaxBytes: number;
  dispatcher?: Dispatcher;
  /** one line per request and retry; never contains the key */
  log?: (line: string) => void;
}

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/i;

/** True for a base URL on this machine: the emulator, where renders take seconds, not minutes. */
export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK.test(url);
}

export const REAL_POLL_CADENCE: PollCadence = {
  initialDelayMs: 10_000,
  steps: [
    { untilMs: 120_000, everyMs: 10_000 },
    { untilMs: 300_000, everyMs: 30_000 },
    { everyMs: 60_000 },
  ],
};

export const QUICK_POLL_CADENCE: PollCadence = {
  initialDelayMs: 50,
  steps: [{ untilMs: 3_000, everyMs: 100 }, { everyMs: 250 }],
};

/** HEYGEN_API_GENERATION as the client reads it (v1/v2 count as legacy); callers that key work by generation use this too. */
export function envGeneration(value: string | undefined = process.env.HEYGEN_API_GENERATION): ApiGeneration {
  if (value === undefined || value === '' || value === 'v3') return 'v3';
  if (value === 'legacy' || value === 'v2' || value === 'v1') return 'legacy';
  throw new Error(`HEYGEN_API_GENERATION must be v3 or legacy, got "${value}"`);
}

/** Whether the environment holds a HeyGen credential (key or bearer token), as resolveConfig reads it. */
export function hasCredential(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!(env.HEYGEN_API_KEY || env.HEYGEN_BEARER_TOKEN);
}

/** Who makes clips with this configuration: HeyGen with a credential, the emulator without. */
export function configuredBackend(config: Pick<HeyGenConfig, 'apiKey' | 'bearerToken'>): 'heygen' | 'emulator' {
  return config.apiKey || config.bearerToken ? 'heygen' : 'emulator';
}

/** What a caller may set: any part of the config, any of the timeouts. */
export type HeyGenOptions = Omit<Partial<HeyGenConfig>, 'timeouts'> & { timeouts?: Partial<CallTimeouts> };

/** Fills a config from the environment (HEYGEN_API_KEY, HEYGEN_BEARER_TOKEN, HEYGEN_API_BASE_URL, HEYGEN_UPLOAD_BASE_URL, HEYGEN_API_GENERATION). */
export function resolveConfig(partial: HeyGenOptions = {}, env: NodeJS.ProcessEnv = process.env): HeyGenConfig {
  const baseUrl = (partial.baseUrl ?? env.HEYGEN_API_BASE_URL ?? 'https://api.heygen.com').replace(/\/+$/, '');
  const local = isLoopbackUrl(baseUrl);
  const uploadBaseUrl = (partial.uploadBaseUrl ?? env.HEYGEN_UPLOAD_BASE_URL ?? (local ? baseUrl : 'https://upload.heygen.com')).replace(/\/+$/, '');
  return {
    apiKey: partial.apiKey ?? (env.HEYGEN_API_KEY || undefined),
    bearerToken: partial.bearerToken ?? (env.HEYGEN_BEARER_TOKEN || undefined),
    baseUrl,
    uploadBaseUrl,
    generation: partial.generation ?? envGeneration(env.HEYGEN_API_GENERATION),
    timeouts: {
      readMs: 30_000,
      writeMs: 120_000,
      createMs: 120_000,
      uploadMs: 600_000,
      downloadMs: 600_000,
      ...partial.timeouts,
    },
    maxRetries: partial.maxRetries ?? 3,
    retryBaseDelayMs: partial.retryBaseDelayMs ?? (local ? 50 : 1_000),
    retryMaxDelayMs: partial.retryMaxDelayMs ?? (local ? 2_000 : 30_000),
    pollCadence: partial.pollCadence ?? (local ? QUICK_POLL_CADENCE : REAL_POLL_CADENCE),
    waitDeadlineMs: partial.waitDeadlineMs ?? (local ? 180_000 : 30 * 60_000),
    userAgent: partial.userAgent ?? 'heygen-remotion/0.1',
    multipartMaxBytes: partial.multipartMaxBytes ?? 32 * 1024 * 1024,
    dispatcher: partial.dispatcher,
    log: partial.log,
  };
}
