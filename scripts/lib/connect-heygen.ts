import { startEmulator } from '../../src/emulator/server';
import { createHeyGenClient, hasCredential, type ConnectHeyGen, type HeyGenConnection } from '../../src/heygen';

/** HeyGen when a key (or bearer token) is set; otherwise the local emulator, started in-process on a free port. */
export const connectHeyGen: ConnectHeyGen = async (): Promise<HeyGenConnection> => {
  if (hasCredential()) {
    const client = createHeyGenClient({ log: undefined });
    return { client, describe: `HeyGen at ${client.config.baseUrl} (${client.config.generation})`, close: () => client.close() };
  }
  const emulator = await startEmulator({ port: 0 });
  const client = createHeyGenClient({ apiKey: 'offline-emulator', baseUrl: emulator.url, uploadBaseUrl: emulator.url });
  return {
    client,
    describe: `the local HeyGen emulator at ${emulator.url} (no HEYGEN_API_KEY set: placeholder presenter clips)`,
    close: async () => {
      await client.close();
      await emulator.close();
    },
  };
};
