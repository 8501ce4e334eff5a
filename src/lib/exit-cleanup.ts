import { descendantsOf } from './process-tree';

const jobs = new Set<() => void>();
let installed = false;

function runExitJobs(): void {
  // Children first (Chromium, the compositor, ffmpeg), so nothing writes into a folder while it is removed.
  for (const pid of descendantsOf(process.pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  for (const job of [...jobs].reverse()) {
    try {
      job();
    } catch {
      // One failed removal must not stop the others.
    }
  }
  jobs.clear();
}

/**
 * Runs `job` when the process exits, whatever the reason (process.exit from any handler, an error, the end).
 * It must be synchronous: nothing asynchronous runs after exit. Returns a function that forgets the job.
 */
export function onExitSync(job: () => void): () => void {
  if (!installed) {
    process.on('exit', runExitJobs);
    installed = true;
  }
  jobs.add(job);
  return () => {
    jobs.delete(job);
  };
}

/**
 * For command-line entry points: Ctrl-C, SIGTERM and SIGHUP end the process through the exit jobs. Prepended, so
 * it runs before Remotion's handlers: on SIGINT Remotion calls process.exit(130) at once (our async clean-up never
 * ran), and on SIGTERM it only kills the browser and lets the process go on.
 */
export function exitCleanlyOnSignals(): void {
  const codes: [NodeJS.Signals, number][] = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  for (const [signal, code] of codes) {
    process.prependListener(signal, () => {
      process.stderr.write(`\n${signal}: stopping; temporary files removed, finished videos kept.\n`);
      process.exit(code);
    });
  }
}
