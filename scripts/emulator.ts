import { parseCommandLine, parseNumberFlag } from '../src/lib/cli-flags';
import { startEmulator } from '../src/emulator/server';

const USAGE = `Usage: npm run emulator -- [--port N] [--host 127.0.0.1] [--data-dir DIR] [--pending-ms 200] [--processing-ms 300]
                            [--concurrency-cap 10] [--synth-parallelism 1] [--quiet]
Runs the local HeyGen emulator and prints its base URL on the first line of stdout.
Point the client at it with HEYGEN_API_BASE_URL=<url> and any non-empty HEYGEN_API_KEY.`;

// Every flag is checked before the server starts: a bad value exits 2 at once.
const { values, flags } = parseCommandLine(
  {
    usage: USAGE,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'pending-ms': { type: 'string' },
      'processing-ms': { type: 'string' },
      'concurrency-cap': { type: 'string' },
      'synth-parallelism': { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  },
  (values) => ({
    values,
    flags: {
      port: parseNumberFlag('port', values.port, { min: 0, max: 65535, integer: true })!,
      pendingMs: parseNumberFlag('pending-ms', values['pending-ms'], { min: 0, max: 3_600_000, integer: true }),
      processingMinMs: parseNumberFlag('processing-ms', values['processing-ms'], { min: 0, max: 3_600_000, integer: true }),
      concurrencyCap: parseNumberFlag('concurrency-cap', values['concurrency-cap'], { min: 1, max: 1000, integer: true }),
      synthParallelism: parseNumberFlag('synth-parallelism', values['synth-parallelism'], { min: 1, max: 64, integer: true }),
    },
  }),
);

const emulator = await startEmulator({
  port: flags.port,
  host: values.host,
  dataDir: values['data-dir'],
  timing: {
    ...(flags.pendingMs !== undefined ? { pendingMs: flags.pendingMs } : {}),
    ...(flags.processingMinMs !== undefined ? { processingMinMs: flags.processingMinMs } : {}),
  },
  concurrencyCap: flags.concurrencyCap,
  synthParallelism: flags.synthParallelism,
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
