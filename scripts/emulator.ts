import { parseArgs } from 'node:util';
import { startEmulator } from '../src/emulator/server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
    'pending-ms': { type: 'string' },
    'processing-ms': { type: 'string' },
    'concurrency-cap': { type: 'string' },
    'synth-parallelism': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run emulator -- [--port N] [--host 127.0.0.1] [--data-dir DIR] [--pending-ms 200] [--processing-ms 300]
                            [--concurrency-cap 10] [--synth-parallelism 1] [--quiet]
Runs the local HeyGen emulator and prints its base URL on the first line of stdout.
Point the client at it with HEYGEN_API_BASE_URL=<url> and any non-empty HEYGEN_API_KEY.`);
  process.exit(0);
}

const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));

const emulator = await startEmulator({
  port: Number(values.port),
  host: values.host,
  dataDir: values['data-dir'],
  timing: {
    ...(values['pending-ms'] ? { pendingMs: Number(values['pending-ms']) } : {}),
    ...(values['processing-ms'] ? { processingMinMs: Number(values['processing-ms']) } : {}),
  },
  concurrencyCap: num(values['concurrency-cap']),
  synthParallelism: num(values['synth-parallelism']),
  log: values.quiet ? undefined : (line) => console.error(`[emulator] ${line}`),
});
console.log(emulator.url);

let closing = false;
const stop = (): void => {
  if (closing) return;
  closing = true;
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
