import type { HeyGenClient } from './client';

/**
 * An open way to HeyGen (or to the emulator, which speaks the same API). Made by the entry points (scripts/,
 * tests, bench), which choose where to connect; src/jobs, src/batch and src/render only use it.
 */
export interface HeyGenConnection {
  client: HeyGenClient;
  /** Where requests go, for people; never includes the key. */
  describe: string;
  close(): Promise<void>;
}

/** Opens a connection on demand: a run whose clips are all in the store never calls it. */
export type ConnectHeyGen = () => Promise<HeyGenConnection>;
