/** When to poll: wait initialDelayMs, then every `everyMs` of the first step whose `untilMs` is not yet reached. */
export interface PollCadence {
  initialDelayMs: number;
  steps: { untilMs?: number; everyMs: number }[];
}

/** The wait before the next poll, given how long the wait has lasted so far. */
export function nextPollDelay(cadence: PollCadence, elapsedMs: number, polls: number): number {
  if (polls === 0) return cadence.initialDelayMs;
  const step = cadence.steps.find((s) => s.untilMs === undefined || elapsedMs < s.untilMs) ?? cadence.steps[cadence.steps.length - 1];
  return step?.everyMs ?? 1_000;
}
