import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { VideoJob } from './video-job';
import { renderVideo, type Synthesize } from './render-video';
import { Semaphore } from '../lib/semaphore';

export interface EmulatorTiming {
  /** how long a new job stays `pending` before it may start */
  pendingMs: number;
  /** the least time a job spends `processing` (it lasts at least as long as its synthesis) */
  processingMinMs: number;
}

export interface JobRunnerOptions {
  timing: EmulatorTiming;
  /** HeyGen's concurrent-render cap: jobs beyond it stay `pending` */
  concurrencyCap: number;
  /** syntheses at once (CPU-bound) */
  synthParallelism: number;
  synthesize: Synthesize;
  filesDir: string;
  log: (line: string) => void;
  onTerminal: (job: VideoJob) => void;
}

/**
 * Moves jobs pending → processing → completed | failed on timers. Synthesis runs in the background with
 * bounded parallelism, so status requests are answered at once while clips render.
 */
export class JobRunner {
  private readonly queue: VideoJob[] = [];
  private readonly processing = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly work = new Set<Promise<unknown>>();
  private readonly synth: Semaphore;
  private closed = false;

  constructor(private readonly opts: JobRunnerOptions) {
    this.synth = new Semaphore(Math.max(1, opts.synthParallelism));
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) fn();
    }, ms);
    this.timers.add(timer);
  }

  submit(job: VideoJob): void {
    job.status = 'pending';
    this.later(this.opts.timing.pendingMs, () => {
      this.queue.push(job);
      this.pump();
    });
  }

  get concurrencyCap(): number {
    return this.opts.concurrencyCap;
  }

  set concurrencyCap(cap: number) {
    this.opts.concurrencyCap = cap;
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.processing.size < this.opts.concurrencyCap && this.queue.length > 0) {
      const job = this.queue.shift() as VideoJob;
      if (job.deleted) continue;
      this.start(job);
    }
  }

  private start(job: VideoJob): void {
    job.status = 'processing';
    job.startedAt = Date.now();
    this.processing.add(job.id);
    this.opts.log(`video ${job.id} processing (${this.processing.size}/${this.opts.concurrencyCap} slots)`);
    const fault = job.fault;
    if (fault?.type === 'stuck') return;
    if (fault?.type === 'fail') {
      this.later(this.opts.timing.processingMinMs, () =>
        this.finish(job, { code: fault.failureCode ?? 'rendering_failed', message: fault.failureMessage ?? 'Avatar rendering timed out' }),
      );
      return;
    }
    const task = this.synth
      .run(async () => {
        if (this.closed) return;
        const ext = job.outputFormat === 'mp4' ? 'mp4' : 'webm';
        const videoFile = path.join(this.opts.filesDir, `${job.id}.${ext}`);
        const started = Date.now();
        const { durationSec, srt } = job.produce ? await job.produce(videoFile) : await renderVideo(job, this.opts.synthesize, videoFile);
        const srtFile = path.join(this.opts.filesDir, `${job.id}.srt`);
        await writeFile(srtFile, srt);
        Object.assign(job, { videoFile, srtFile, durationSec });
        this.opts.log(`video ${job.id} synthesized in ${Date.now() - started} ms (${durationSec.toFixed(2)} s)`);
      })
      .then(
        () => {
          const wait = Math.max(0, (job.startedAt ?? 0) + this.opts.timing.processingMinMs - Date.now());
          this.later(wait, () => this.finish(job));
        },
        (error: unknown) => this.finish(job, { code: 'rendering_failed', message: `Render failed: ${(error as Error).message.split('\n')[0]}` }),
      );
    this.work.add(task);
    void task.finally(() => this.work.delete(task));
  }

  private finish(job: VideoJob, failure?: { code: string; message: string }): void {
    if (this.closed) return;
    this.processing.delete(job.id);
    job.completedAt = Date.now();
    if (failure) {
      job.status = 'failed';
      job.failure = failure;
    } else {
      job.status = 'completed';
    }
    this.opts.log(`video ${job.id} ${job.status}${failure ? `: ${failure.code}` : ''}`);
    if (!job.deleted) this.opts.onTerminal(job);
    this.pump();
  }

  /** Frees a job's slot when it is deleted (a stuck job otherwise holds it for ever). */
  forget(job: VideoJob): void {
    job.deleted = true;
    if (this.processing.delete(job.id)) this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.work]);
  }
}
