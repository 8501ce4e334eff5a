import { APIConnectionError, APIError, NotFoundError, VideoFailedError, type PollCadence, type WebhookReceiver } from '../heygen';
import type { Attempt, Job, JobContext, JobKind, JobState } from './job';
import type { Journal } from './journal';
import { JOB_KINDS } from './registry';
import { Semaphore } from '../lib/semaphore';
import { StatusPoller } from './status-poller';
import { STATUS_SOURCES } from './status-sources';

export interface JobEvent {
  key: string;
  state: JobState;
  elapsedMs: number;
  detail?: string;
}

export interface SchedulerOptions {
  ctx: JobContext;
  journal: Journal;
  /** Remote jobs in flight at once, from create to completed: the account's cap. Downloads run outside it. */
  cap: number;
  /** Webhook mode: deliveries say when a video is done; polling drops to `safetyNet`. */
  receiver?: WebhookReceiver;
  safetyNet?: PollCadence;
  onEvent(e: JobEvent): void;
}

export interface SchedulerResult {
  done: string[];
  failed: { key: string; message: string; code?: string }[];
  /** Status requests sent, per status source. */
  statusRequests: Record<string, number>;
}

const kindOf = (job: Job): JobKind => {
  const kind = JOB_KINDS[job.kind];
  if (!kind) throw new Error(`No job kind "${job.kind}" in src/jobs/registry.ts`);
  return kind as JobKind;
};

/** The status sources whose jobs the webhook receiver hears about (video events); the others are polled at the usual pace. */
const WEBHOOK_SOURCES = new Set(['v3-videos', 'legacy-videos']);

/** Did the create perhaps reach HeyGen? (a timeout, a reset, a 5xx: the answer was lost, not the request) */
const maybeArrived = (err: unknown) => err instanceof APIConnectionError || (err instanceof APIError && (err.status ?? 0) >= 500);

/**
 * Runs a set of jobs: at most `cap` in flight, each create journaled before it is sent, resumed after a kill
 * (journaled remote id, or a lookup of the attempt's marker where HeyGen honours no Idempotency-Key), one status
 * poller per source shared by all jobs, progress events per job. A failed job never stops the others.
 */
export async function runJobs(jobs: Job[], opts: SchedulerOptions): Promise<SchedulerResult> {
  const { ctx } = opts;
  const slots = new Semaphore(opts.cap);
  const pollers = new Map<string, StatusPoller>();
  const pollerFor = (name: string) => {
    let p = pollers.get(name);
    if (!p) {
      const source = STATUS_SOURCES[name];
      if (!source) throw new Error(`No status source "${name}" in src/jobs/status-sources.ts`);
      const cadence = opts.receiver && WEBHOOK_SOURCES.has(name) ? (opts.safetyNet ?? ctx.client.config.pollCadence) : ctx.client.config.pollCadence;
      p = new StatusPoller(source(ctx.client), cadence, ctx.client.config.waitDeadlineMs, ctx.client.config.log);
      pollers.set(name, p);
    }
    return p;
  };
  const result: SchedulerResult = { done: [], failed: [], statusRequests: {} };
  await Promise.all(jobs.map(async (job) => {
    const t0 = Date.now();
    const say = (state: JobState, detail?: string) => opts.onEvent({ key: job.key, state, elapsedMs: Date.now() - t0, detail });
    try {
      const runner = new JobRunner(job, kindOf(job), opts, say, pollerFor);
      await runner.run(slots);
      result.done.push(job.key);
    } catch (err) {
      const e = err as Error & { code?: string; failureCode?: string };
      const code = e.failureCode ?? e.code;
      result.failed.push({ key: job.key, message: e.message, code });
      say('failed', `${code ? `${code}: ` : ''}${e.message}`);
    }
  }));
  for (const [name, p] of pollers) result.statusRequests[name] = p.requests;
  return result;
}

/** One job's way through the scheduler: obtain a remote id, wait, collect. */
class JobRunner {
  private last = '';

  constructor(
    private readonly job: Job,
    private readonly kind: JobKind,
    private readonly opts: SchedulerOptions,
    private readonly say: (state: JobState, detail?: string) => void,
    private readonly pollerFor: (name: string) => StatusPoller,
  ) {}

  async run(slots: Semaphore): Promise<void> {
    const { ctx, journal } = this.opts;
    let remoteId: string;
    await slots.acquire();
    try {
      remoteId = await this.waitForRemote();
    } catch (err) {
      if (err instanceof VideoFailedError) await this.nextAttemptAfterFailure();
      throw err;
    } finally {
      slots.release();
    }
    this.say('downloading');
    const detail = await this.kind.collect(this.job as never, ctx, remoteId);
    await journal.delete(this.job.key);
    this.say('ready', detail);
  }

  /** A remote id that is done: journaled or known (resumed), found by marker, or newly submitted. */
  private async waitForRemote(): Promise<string> {
    const { ctx, journal } = this.opts;
    const record = journal.get(this.job.key);
    const known = this.job.knownRemoteId ?? record?.videoId;
    if (known) {
      this.say('resumed', known);
      try {
        await this.waitDone(known);
        return known;
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err;
        // HeyGen no longer has it. A damaged file of a paid clip is not paid for again without being asked.
        if (this.job.knownRemoteId && ctx.identity.backend === 'heygen') {
          throw new Error(`the stored clip is damaged and HeyGen no longer has video ${known}; delete public/clips/${this.job.key}.* and re-run to generate it again (billed)`);
        }
        await journal.put(this.job.key, { ...record, idempotencyKey: this.attempt((record?.attempts ?? 1) + 1).idempotencyKey, videoId: undefined, attempts: (record?.attempts ?? 1) + 1, submittedAt: new Date().toISOString() });
      }
    }
    const remoteId = await this.submitOrFind();
    await this.waitDone(remoteId);
    return remoteId;
  }

  private attempt(number: number): Attempt {
    const suffix = number > 1 ? `-${number}` : '';
    // avatar clips keep the key form of earlier journals ("clip-<key>"), so their runs resume across versions.
    const prefix = this.job.kind === 'avatar-clip' ? 'clip' : this.job.kind;
    return { number, idempotencyKey: `${prefix}-${this.job.key}${suffix}`, marker: `hr-${this.job.key.slice(0, 20)}${suffix}` };
  }

  /** Journal first, then send. Where HeyGen honours no Idempotency-Key, an earlier attempt is looked up first. */
  private async submitOrFind(): Promise<string> {
    const { ctx, journal } = this.opts;
    const record = journal.get(this.job.key);
    // a journaled key is the one already sent (or carried over from an older journal): sending it again replays
    const attempt = { ...this.attempt(record?.attempts ?? 1), ...(record?.idempotencyKey ? { idempotencyKey: record.idempotencyKey } : {}) };
    const idempotent = this.kind.idempotent(ctx);
    if (record && !idempotent && this.kind.find) {
      const found = await this.kind.find(this.job as never, ctx, record.marker ?? attempt.marker);
      if (found) return this.remember(found, attempt, 'resumed');
    }
    await journal.put(this.job.key, { idempotencyKey: attempt.idempotencyKey, marker: attempt.marker, kind: this.job.kind, submittedAt: new Date().toISOString(), attempts: attempt.number });
    try {
      const id = await this.kind.submit(this.job as never, ctx, attempt, () => this.say('uploading'));
      return await this.remember(id, attempt, 'submitted');
    } catch (err) {
      if (idempotent || !this.kind.find || !maybeArrived(err)) throw err;
      // The answer was lost, perhaps not the create: look before anything is sent again (never a blind re-send).
      const found = await this.kind.find(this.job as never, ctx, attempt.marker);
      if (found) return this.remember(found, attempt, 'resumed');
      throw new Error(`${(err as Error).message} (not re-sent: HeyGen honours no idempotency key here; the next run looks for this attempt first)`);
    }
  }

  private async remember(remoteId: string, attempt: Attempt, state: 'submitted' | 'resumed'): Promise<string> {
    await this.opts.journal.put(this.job.key, { idempotencyKey: attempt.idempotencyKey, marker: attempt.marker, kind: this.job.kind, videoId: remoteId, submittedAt: new Date().toISOString(), attempts: attempt.number });
    this.say(state, remoteId);
    return remoteId;
  }

  /** Polling (shared per source), raced by a webhook delivery in webhook mode. */
  private async waitDone(remoteId: string): Promise<void> {
    const poller = this.pollerFor(this.kind.statusSource(this.opts.ctx));
    const onStatus = (status: string) => {
      const shown = status === 'queued' || status === 'waiting' ? 'pending' : status;
      if (shown !== this.last && (shown === 'pending' || shown === 'processing')) this.say(shown);
      this.last = shown;
    };
    const receiver = WEBHOOK_SOURCES.has(this.kind.statusSource(this.opts.ctx)) ? this.opts.receiver : undefined;
    if (!receiver) return poller.wait(remoteId, onStatus);
    const stop = new AbortController();
    const polled = poller.wait(remoteId, onStatus, stop.signal);
    polled.catch(() => {});
    try {
      await Promise.race([receiver.waitFor(remoteId, { timeoutMs: this.opts.ctx.client.config.waitDeadlineMs }), polled]);
    } finally {
      stop.abort();
    }
  }

  /** The same key would replay the failed video: the next run submits under the next attempt's key. */
  private async nextAttemptAfterFailure(): Promise<void> {
    const { journal } = this.opts;
    const attempts = (journal.get(this.job.key)?.attempts ?? 1) + 1;
    const next = this.attempt(attempts);
    await journal.put(this.job.key, { idempotencyKey: next.idempotencyKey, marker: next.marker, kind: this.job.kind, submittedAt: new Date().toISOString(), attempts });
  }
}
