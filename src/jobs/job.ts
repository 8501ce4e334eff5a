import type { HeyGenClient, ServerIdentity } from '../heygen';
import type { ClipStore } from '../project/clip-store';
import type { ClipEntry } from '../spec/manifest';
import type { AssetCache } from './asset-cache';
import type { PhotoAvatarStore } from './photo-avatar-store';
import type { TranslationRecords } from './translate/translation-records';

export type JobState = 'cached' | 'uploading' | 'submitted' | 'resumed' | 'pending' | 'processing' | 'downloading' | 'ready' | 'failed';

/** One piece of HeyGen work, as data: what to ask for, under which content key its result is stored. */
export interface Job<R = unknown> {
  /** A key of JOB_KINDS (src/jobs/registry.ts). */
  kind: string;
  /** The content key: its result's name in the clip store, and the journal entry while it runs. */
  key: string;
  /** The canonical request; only what is in it (and the bytes of its files) may change `key`. */
  request: R;
  /** For people and for HeyGen's dashboard title. */
  label: string;
  /** A remote job already made for this key (its stored file was damaged): fetched again, never created again. */
  knownRemoteId?: string;
}

/** What a kind's steps may use; one per run. */
export interface JobContext {
  client: HeyGenClient;
  identity: ServerIdentity;
  store: ClipStore;
  uploads: AssetCache;
  /** Persistent photo avatars made so far (by photo content and account). */
  photoAvatars?: PhotoAvatarStore;
  /** Where HeyGen posts "done" events in webhook mode. */
  callbackUrl?: string;
  /** Records a finished result in the manifest (one writer). */
  record(key: string, entry: ClipEntry): Promise<void>;
  /** `npm run translate`: where finished translations and proofreads are recorded. */
  translations?: TranslationRecords;
}

/** How one attempt is identified: the Idempotency-Key (where HeyGen honours one) and a marker sent as its title. */
export interface Attempt {
  number: number;
  idempotencyKey: string;
  marker: string;
}

/**
 * A kind of HeyGen work. Adding a kind = one module implementing this + one entry in JOB_KINDS; the scheduler
 * (src/jobs/scheduler.ts) is not touched. The scheduler owns the cap, the journal (written before each send),
 * resume, waiting (through a StatusSource of STATUS_SOURCES) and progress; a kind only says how to send, find,
 * wait for and collect its own work.
 */
export interface JobKind<R = unknown> {
  /** True when a re-sent create replays the first (Idempotency-Key); false: a resumed run must `find` it first. */
  idempotent(ctx: JobContext): boolean;
  /** Which status source waits for its remote jobs (a key of STATUS_SOURCES). */
  statusSource(ctx: JobContext): string;
  /** Uploads what it needs and sends the create; returns the remote id. `onUpload` reports the upload phase. */
  submit(job: Job<R>, ctx: JobContext, attempt: Attempt, onUpload: () => void): Promise<string>;
  /** For non-idempotent creates: the remote id of an earlier attempt sent with `marker`, or null if none exists. */
  find?(job: Job<R>, ctx: JobContext, marker: string): Promise<string | null>;
  /** Downloads the finished result, checks it and records it (marker last); returns a short detail for progress. */
  collect(job: Job<R>, ctx: JobContext, remoteId: string): Promise<string>;
}
