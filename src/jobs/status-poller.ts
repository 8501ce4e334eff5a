import { NotFoundError, VideoFailedError, VideoTimeoutError, type PollCadence } from '../heygen';
import { nextPollDelay } from '../heygen/poll-cadence';

export interface RemoteStatus {
  /** HeyGen's own word, for progress. */
  status: string;
  /** `blocked`: waits on the user (e.g. consent); the job stays journaled and a re-run waits on the same remote job. */
  phase: 'waiting' | 'processing' | 'completed' | 'failed' | 'not_found' | 'blocked';
  failure?: { code?: string; message?: string };
}

/** A remote job that cannot go on until the user acts: not a failure (nothing is re-sent), the message says what to do. */
export class JobBlockedError extends Error {
  readonly code = 'needs_you';
  constructor(message: string) {
    super(message);
    this.name = 'JobBlockedError';
  }
}

/** How the statuses of many remote jobs are read: `maxBatch` ids per request. */
export interface StatusSource {
  maxBatch: number;
  fetch(ids: string[], signal?: AbortSignal): Promise<Map<string, RemoteStatus>>;
}

interface Waiter {
  since: number;
  resolve(): void;
  reject(err: Error): void;
  onStatus(status: string): void;
}

/**
 * Waits for many remote jobs with one request per tick per `maxBatch` ids (e.g. one `GET /v3/videos/statuses`
 * for every video in flight), instead of one request per job per tick.
 */
export class StatusPoller {
  private waiters = new Map<string, Waiter>();
  private running = false;
  /** Requests sent, for tests and benchmarks. */
  requests = 0;

  constructor(
    private readonly source: StatusSource,
    private readonly cadence: PollCadence,
    private readonly deadlineMs: number,
    private readonly log?: (line: string) => void,
  ) {}

  /** Resolves when `id` completes; rejects with VideoFailedError, NotFoundError or VideoTimeoutError. */
  wait(id: string, onStatus: (status: string) => void, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = () => this.waiters.delete(id);
      this.waiters.set(id, { since: Date.now(), onStatus, resolve: () => (done(), resolve()), reject: (e) => (done(), reject(e)) });
      signal?.addEventListener('abort', () => this.waiters.get(id)?.reject(new Error('wait aborted')), { once: true });
      if (!this.running) void this.loop();
    });
  }

  private async loop(): Promise<void> {
    this.running = true;
    const started = Date.now();
    for (let ticks = 0; this.waiters.size; ticks++) {
      const delay = nextPollDelay(this.cadence, Date.now() - started, ticks);
      // Not unref'd: while a job waits, this timer is what keeps a command-line run alive.
      await new Promise((r) => setTimeout(r, delay));
      await this.tick();
    }
    this.running = false;
  }

  private async tick(): Promise<void> {
    const ids = [...this.waiters.keys()];
    for (let i = 0; i < ids.length; i += this.source.maxBatch) {
      const batch = ids.slice(i, i + this.source.maxBatch);
      let statuses: Map<string, RemoteStatus>;
      try {
        this.requests++;
        statuses = await this.source.fetch(batch);
      } catch (err) {
        // A passing failure of one poll is waited out; the deadline still holds.
        this.log?.(`statuses unavailable for now (${(err as Error).message}); polling on`);
        statuses = new Map();
      }
      for (const id of batch) this.settle(id, statuses.get(id));
    }
  }

  private settle(id: string, status: RemoteStatus | undefined): void {
    const waiter = this.waiters.get(id);
    if (!waiter) return;
    if (status) waiter.onStatus(status.status);
    if (status?.phase === 'completed') return waiter.resolve();
    if (status?.phase === 'failed') return waiter.reject(new VideoFailedError(id, status.failure?.code, status.failure?.message));
    if (status?.phase === 'blocked') return waiter.reject(new JobBlockedError(status.failure?.message ?? `${id} waits for you (${status.status})`));
    if (status?.phase === 'not_found') return waiter.reject(new NotFoundError(`HeyGen does not know video ${id} (deleted, or made by another account or emulator run)`, { status: 404, code: 'video_not_found' }));
    const elapsed = Date.now() - waiter.since;
    if (elapsed >= this.deadlineMs) waiter.reject(new VideoTimeoutError(id, elapsed, status?.status));
  }
}
