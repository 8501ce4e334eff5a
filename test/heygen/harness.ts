import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHeyGenClient, type HeyGenClient, type HeyGenOptions } from '../../src/heygen';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/server';

export const TEST_KEY = 'hg-test-key-7f3a9c1e5b';
export const AVATAR = 'josh_lite3_20230714';
export const VOICE = '1bd001e7e50f421d891986aad5158bc8';

export interface Harness {
  emulator: Emulator;
  client: HeyGenClient;
  dir: string;
  makeClient(config?: HeyGenOptions): HeyGenClient;
  close(): Promise<void>;
}

/** An emulator with fast timings and a client pointed at it; every extra client is closed with it. */
export async function startHarness(opts: EmulatorOptions = {}, config: HeyGenOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ timing: { pendingMs: 30, processingMinMs: 60 }, ...opts });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hg-test-'));
  const clients: HeyGenClient[] = [];
  const makeClient = (extra: HeyGenOptions = {}): HeyGenClient => {
    const c = createHeyGenClient({ apiKey: TEST_KEY, baseUrl: emulator.url, retryBaseDelayMs: 20, retryMaxDelayMs: 200, ...config, ...extra });
    clients.push(c);
    return c;
  };
  const client = makeClient();
  return {
    emulator,
    client,
    dir,
    makeClient,
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A clip request small enough to synthesize in about a second. */
export const HI = { avatarId: AVATAR, voiceId: VOICE, script: 'Hi.', resolution: '720p', aspectRatio: '16:9' } as const;
