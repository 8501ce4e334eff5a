import type { EmulatorState } from './emulator-state';
import type { FaultRegistry } from './faults';
import type { EmulatorTiming, JobRunner } from './job-runner';
import type { UrlSigner } from './signed-urls';
import type { Synthesize } from './render-video';
import type { Speech, SpeechRequest } from './synth';
import type { VideoJob } from './video-job';
import type { RouteContext } from './router';

/** What every route module gets: the state, the job runner, URL signing and the options in force. */
export interface EmulatorContext {
  state: EmulatorState;
  faults: FaultRegistry;
  runner: JobRunner;
  /** how long jobs wait and work (resources without a render job follow it too) */
  timing: EmulatorTiming;
  signer: UrlSigner;
  dataDir: string;
  baseUrl(): string;
  synthesize: Synthesize;
  speech: (req: SpeechRequest) => Promise<Speech>;
  log: (line: string) => void;
  /** accept avatar and voice ids that are not in the catalogue */
  acceptUnknownIds: boolean;
  /** the username of the account the request's key belongs to (EmulatorOptions.accounts) */
  accountOf(rc: RouteContext): string;
  defaultResolution: '720p' | '1080p';
  /** starts a new job, counting it for its idempotency key */
  createVideo(job: VideoJob): VideoJob;
}
