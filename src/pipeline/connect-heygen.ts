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

/** HeyGen when HEYGEN_API_KEY is set; otherwise the local emulator, started in-process on a free port. */
export async function connectHeyGen(opts: { log?: (line: string) => void } = {}): Promise<HeyGenConnection> {
  if (process.env.HEYGEN_API_KEY) {
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
