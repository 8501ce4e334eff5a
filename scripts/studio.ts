import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startStudioProxy } from '../src/studio/studio-proxy';
import { describe, watchStudioIndex } from '../src/studio/watch-studio-index';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3000' }, project: { type: 'string', default: '.' }, help: { type: 'boolean', default: false } } });
if (values.help) {
  console.log(`Usage: npm run studio -- [--port 3000] [--project DIR]
Remotion Studio with every spec in DIR/videos/ as a composition (folder "Videos"), live while you edit them;
the props panel's Save writes into the spec file. The demo templates are in the folder "Templates".
DIR (default: here) holds videos/ and public/ (the clip store); the compositions' code is this repository's.`);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port}: not a port; use a whole number from 0 to 65535 (0 = any free port)`);
  process.exit(2);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function waitForStudio(studioPort: number, child: { exitCode: number | null }): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Remotion Studio exited (code ${child.exitCode}) before it served`);
    const ok = await fetch(`http://127.0.0.1:${studioPort}/`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

// The project (videos/, public/) may live elsewhere; Remotion runs from this repository so its code and config apply.
const root = path.resolve(values.project);
const codeRoot = fileURLToPath(new URL('..', import.meta.url));
await mkdir(path.join(root, 'public'), { recursive: true });
const log = (line: string) => console.error(`[studio] ${line}`);
const watcher = await watchStudioIndex(root, (line) => log(`videos/ changed:\n${line}`));
log(`videos/:\n${describe(watcher.current()) || '(no specs yet)'}`);
const studioPort = await freePort();
const bin = path.join(codeRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'remotion.cmd' : 'remotion');
const child = spawn(bin, ['studio', 'remotion/index.ts', '--port', String(studioPort), '--ipv4', '--no-open', `--public-dir=${path.join(root, 'public')}`], {
  cwd: codeRoot,
  env: { ...process.env, BROWSER: 'none' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
// Studio's own banner names its inner port; the one to open is the proxy's.
const relay = (out: NodeJS.WriteStream) => (chunk: Buffer) => out.write(chunk.toString('utf8').split(`:${studioPort}`).join(`:${proxyPort()}`));
child.stdout.on('data', relay(process.stdout));
child.stderr.on('data', relay(process.stderr));

const entryFor = (id: string) => watcher.current().entries.find((e) => e.kind === 'spec' && e.id === id) ?? null;
const server = await startStudioProxy(
  {
    root,
    studioPort,
    specFor: (id) => {
      const e = entryFor(id);
      return e?.kind === 'spec' ? e : null;
    },
    onSaved: (e, r) => log(`${r.changed ? `saved into ${e.file}` : `${e.file}: nothing changed`}${r.notSaved.length ? ` (not saved, not spec fields: ${r.notSaved.join(', ')})` : ''}`),
    onSaveFailed: (e, err) => log(`not saved into ${e.file}: ${err.message}`),
  },
  port,
);
function proxyPort(): number {
  return (server.address() as { port: number }).port;
}

let stopping = false;
// Studio gets a moment to stop by itself (mid-build it may not); never leave it running without us.
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  watcher.close();
  server.close();
  server.closeAllConnections();
  process.exitCode = code;
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 3000);
  child.once('exit', () => clearTimeout(force));
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
child.on('exit', (code) => stop(code ?? 1));

await waitForStudio(studioPort, child);
console.log(`Studio ready: http://localhost:${proxyPort()}`);
