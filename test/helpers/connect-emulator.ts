import { createHeyGenClient, type ConnectHeyGen } from '../../src/heygen';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/server';

/** A connection to a fresh in-process emulator, closed with the connection (what scripts/ do without a key). */
export function connectFreshEmulator(opts: EmulatorOptions = {}): ConnectHeyGen {
  return async () => {
    const emulator = await startEmulator({ port: 0, ...opts });
    const client = createHeyGenClient({ apiKey: 'offline-emulator', baseUrl: emulator.url, uploadBaseUrl: emulator.url });
    return {
      client,
      describe: emulator.url,
      close: async () => {
        await client.close();
        await emulator.close();
      },
    };
  };
}

/** A connection to an emulator the test owns (and closes); `apiKey` is what the client sends. */
export function connectTo(emulator: Emulator, apiKey = 'sk-test-emulator'): ConnectHeyGen {
  return async () => {
    const client = createHeyGenClient({ apiKey, baseUrl: emulator.url, uploadBaseUrl: emulator.url });
    return { client, describe: emulator.url, close: () => client.close() };
  };
}
