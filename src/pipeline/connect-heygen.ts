import { createHeyGenClient, type HeyGenClient } from '../heygen';
import { startEmulator } from '../emulator/server';
import type { ClipBackend } from '../spec/clip-request';

export interface HeyGenConnection {
  client: HeyGenClient;
  backend: ClipBackend;
  /** Where requests go; never includes the key. */
  describe: string;
  close(): Promise<void>;
}

/** Who makes clips with this environment: HeyGen when a credential is set (as the client reads it), else the emulator. */
export function clipBackendFromEnv(env: NodeJS.ProcessEnv = process.env): ClipBackend {
  return env.HEYGEN_API_KEY || env.HEYGEN_BEARER_TOKEN ? 'heygen' : 'emulator';
}

/** HeyGen when a key (or bearer token) is set; otherwise the local emulator, started in-process on a free port. */
export async function connectHeyGen(opts: { log?: (line: string) => void } = {}): Promise<HeyGenConnection> {
  if (clipBackendFromEnv() === 'heygen') {
    const client = createHeyGenClient({ log: opts.log });
    return { client, backend: 'heygen', describe: `HeyGen at ${client.config.baseUrl} (${client.config.generation})`, close: () => client.close() };
  }
  const emulator = await startEmulator({ port: 0 });
  const client = createHeyGenClient({ apiKey: 'offline-emulator', baseUrl: emulator.url, uploadBaseUrl: emulator.url, log: opts.log });
  return {
    client,
    backend: 'emulator',
    describe: `the local HeyGen emulator at ${emulator.url} (no HEYGEN_API_KEY set: placeholder presenter clips)`,
    close: async () => {
      await client.close();
      await emulator.close();
    },
  };
}
