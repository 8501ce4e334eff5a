import type { VideoJob } from './video-job';
import { DEFAULT_BILLING, type EmulatorBilling } from './billing';
import type { WordTiming } from './synth';
import type { AgentSession, DerivedVideo, PhotoAvatar, Proofread } from './resource-records';

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  /** lowercase names; x-api-key and authorization are redacted */
  headers: Record<string, string>;
  at: number;
}

export interface AssetRecord {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  file: string;
  createdAt: number;
  /** direct uploads stay pending until the PUT arrives and `complete` is called */
  status: 'pending_upload' | 'uploaded' | 'ready';
  declared?: { contentType: string; sizeBytes: number; checksumSha256?: string };
  /** where the presigned/direct PUT goes */
  uploadToken?: string;
}

export interface WebhookEndpoint {
  endpoint_id: string;
  url: string;
  events: string[] | null;
  status: 'enabled' | 'disabled';
  created_at: string;
  secret: string;
  entity_id?: string | null;
}

export interface WebhookEvent {
  event_id: string;
  event_type: string;
  event_data: Record<string, unknown>;
  created_at: string;
}

export interface WebhookDelivery {
  url: string;
  eventId: string;
  eventType: string;
  attempt: number;
  status: number | 'error';
  at: number;
}

export interface IdempotencyEntry {
  state: 'in_flight' | 'done';
  status?: number;
  body?: unknown;
  at: number;
}

/** Everything the emulator remembers; tests read it through `emulator.stats` and `GET /__emulator/state`. */
export class EmulatorState {
  videos = new Map<string, VideoJob>();
  /** internal render jobs of lipsyncs and translations (not videos of `/v3/videos`) */
  renders = new Map<string, VideoJob>();
  agentSessions = new Map<string, AgentSession>();
  photoAvatars = new Map<string, PhotoAvatar>();
  lipsyncs = new Map<string, DerivedVideo>();
  translations = new Map<string, DerivedVideo>();
  proofreads = new Map<string, Proofread>();
  /** finished videos by the SHA-256 of their file: footage sent back (lipsync, translation) is recognised */
  renderedByHash = new Map<string, VideoJob>();
  /** `/v3/voices/speech` words by the SHA-256 of the MP3, for captions of audio sent back */
  speechByHash = new Map<string, WordTiming[]>();
  assets = new Map<string, AssetRecord>();
  endpoints = new Map<string, WebhookEndpoint>();
  events: WebhookEvent[] = [];
  deliveries: WebhookDelivery[] = [];
  idempotency = new Map<string, IdempotencyEntry>();
  requests: RecordedRequest[] = [];
  /** videos created (replays excluded) */
  creates = 0;
  /** videos created per Idempotency-Key: a retried create must never reach 2 */
  createsByKey = new Map<string, number>();
  /** create requests per Idempotency-Key, replays included */
  createRequestsByKey = new Map<string, number>();
  walletUsd: number;
  quotaCredits: number;
  /** how the account pays; `walletUsd` is the wallet of a wallet account */
  billing: EmulatorBilling;

  constructor(private readonly initial: { walletUsd: number; quotaCredits: number; billing?: Partial<EmulatorBilling> }) {
    this.walletUsd = initial.walletUsd;
    this.quotaCredits = initial.quotaCredits;
    this.billing = { ...DEFAULT_BILLING, ...initial.billing };
  }

  reset(): void {
    this.videos.clear();
    this.renders.clear();
    this.agentSessions.clear();
    this.photoAvatars.clear();
    this.lipsyncs.clear();
    this.translations.clear();
    this.proofreads.clear();
    this.renderedByHash.clear();
    this.speechByHash.clear();
    this.assets.clear();
    this.endpoints.clear();
    this.events = [];
    this.deliveries = [];
    this.idempotency.clear();
    this.requests = [];
    this.creates = 0;
    this.createsByKey.clear();
    this.createRequestsByKey.clear();
    this.walletUsd = this.initial.walletUsd;
    this.quotaCredits = this.initial.quotaCredits;
    this.billing = { ...DEFAULT_BILLING, ...this.initial.billing };
  }
}
