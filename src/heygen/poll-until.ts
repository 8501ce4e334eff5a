import type { Transport } from './transport';
import { APIConnectionError, InternalServerError, JobFailedError, RateLimitError, VideoTimeoutError } from './errors';
import { nextPollDelay, type PollCadence } from './poll-cadence';
import { sleep } from './sleep';

export interface PollOptions {
  deadlineMs?: number;
  onStatus?: (s: { status: string; elapsedMs: number; progress?: number }) => void;
  signal?: AbortSignal;
  cadence?: PollCadence;
}

export interface PollSpec<T> {
  /** e.g. "Video Agent session", for messages */
  kind: string;
  id: string;
  read(signal?: AbortSignal): Promise<T>;
  status(t: T): string;
  progress?(t: T): number | undefined;
  done(t: T): boolean;
  failed(t: T): { code?: string; message?: string } | undefined;
}

/**
 * Polls a HeyGen job until `done`, a failure or the deadline. A timeout only stops waiting (nothing is resubmitted);
 * passing failures of one poll are waited out.
 */
export async function pollUntil<T>(transport: Transport, spec: PollSpec<T>, opts: PollOptions = {}): Promise<T> {
  const cadence = opts.cadence ?? transport.config.pollCadence;
  const deadlineMs = opts.deadlineMs ?? transport.config.waitDeadlineMs;
  const started = Date.now();
  let last: string | undefined;
  for (let polls = 0; ; polls++) {
    const elapsed = Date.now() - started;
    if (polls > 0 && elapsed >= deadlineMs) throw new VideoTimeoutError(`${spec.kind} ${spec.id}`, elapsed, last);
    await sleep(Math.min(nextPollDelay(cadence, elapsed, polls), Math.max(0, deadlineMs - elapsed)), opts.signal);
    let record: T;
    try {
      record = await spec.read(opts.signal);
    } catch (error) {
      const passing = error instanceof APIConnectionError || error instanceof InternalServerError || error instanceof RateLimitError;
      if (!passing) throw error;
      transport.config.log?.(`status of ${spec.kind} ${spec.id} unavailable for now (${(error as Error).name}); polling on`);
      continue;
    }
    last = spec.status(record);
    opts.onStatus?.({ status: last, elapsedMs: Date.now() - started, progress: spec.progress?.(record) });
    const failure = spec.failed(record);
    if (failure) throw new JobFailedError(spec.kind, spec.id, failure.code, failure.message);
    if (spec.done(record)) return record;
  }
}
