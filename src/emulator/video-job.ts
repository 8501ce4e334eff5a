import type { ClipRequest } from './synth';

export type JobStatus = 'waiting' | 'pending' | 'processing' | 'completed' | 'failed';

/** One scene of a render: a clip to synthesize (legacy multi-scene videos have several). */
export interface RenderScene {
  clip: ClipRequest;
}

/** A video the emulator is making, from create to a terminal state. */
export interface VideoJob {
  id: string;
  /** which create route made it: decides the status envelope, the webhook and the output container */
  api: 'v3' | 'webm' | 'generate';
  title?: string;
  status: JobStatus;
  createdAt: number;
  startedAt?: number;
  completedAt?: number;
  outputFormat: 'webm' | 'mp4';
  width: number;
  height: number;
  scenes: RenderScene[];
  caption: boolean;
  callbackUrl?: string;
  callbackId?: string;
  idempotencyKey?: string;
  /** a fault switched on for this job at create time */
  fault?: { type: 'stuck' } | { type: 'fail'; failureCode?: string; failureMessage?: string };
  durationSec?: number;
  videoFile?: string;
  srtFile?: string;
  failure?: { code: string; message: string };
  deleted?: boolean;
  /** the request body as sent, for tests to inspect */
  request: unknown;
  /** makes the file itself instead of synthesizing `scenes` (lipsync, translation) */
  produce?: (outFile: string) => Promise<{ durationSec: number; srt: string }>;
  /** a file made for another resource (lipsync, translation): not a video of `/v3/videos` */
  internal?: boolean;
}
