import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { EMULATOR_HEADER } from '../../src/emulator/emulator-header';
import { PROJECT_ROOT, tempProject } from '../helpers/project';

const TSX = createRequire(import.meta.url).resolve('tsx');

// Two rows share the closing scene (same words): its clip must be counted once in the total.
const TEMPLATE = {
  id: '{{id}}',
  format: 'landscape-720p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  captions: false,
  scenes: [
    { title: 'Hello {{id}}', script: 'Hi {{city}}, here are your numbers for the quarter.', graphic: { type: 'kpi', items: [{ label: 'Orders', value: 1 }] } },
    { title: 'Bye', script: 'Thank you for watching, see you next quarter.', graphic: { type: 'kpi', items: [{ label: 'Orders', value: 2 }] } },
  ],
};

/**
 * The emulator behind a proxy that drops its marker header: the batch takes it for paid HeyGen, so with
 * HEYGEN_USD_PER_SECOND the estimate is real money, while every request still lands on the emulator (and is counted).
 */
async function paidLookingEmulator(emulator: Emulator) {
  const requests: string[] = [];
  const target = new URL(emulator.url);
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const up = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      const headers = { ...r.headers };
      delete headers[EMULATOR_HEADER];
      res.writeHead(r.statusCode ?? 502, headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function runBatchScript(cwd: string, url: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, HEYGEN_API_KEY: 'test-key', HEYGEN_API_BASE_URL: url, HEYGEN_UPLOAD_BASE_URL: url, HEYGEN_USD_PER_SECOND: '1', HEYGEN_BATCH_MAX_USD: '' };
  const child = spawn(process.execPath, ['--import', TSX, path.join(PROJECT_ROOT, 'scripts', 'batch.ts'), '--template', 'videos/t-template.json', '--data', 'data/rows.csv', ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(); // a pipe, not a terminal: nobody can be asked
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/**
 * The same run in a terminal (util-linux `script` gives it a pseudo-terminal) where the user types `answer`:
 * what a person at a prompt sees, stdout and stderr merged as on their screen.
 */
function runBatchInTerminal(cwd: string, url: string, args: string[], answer: string): Promise<{ code: number | null; screen: string }> {
  const env = { ...process.env, HEYGEN_API_KEY: 'test-key', HEYGEN_API_BASE_URL: url, HEYGEN_UPLOAD_BASE_URL: url, HEYGEN_USD_PER_SECOND: '1', HEYGEN_BATCH_MAX_USD: '' };
  const argv = [process.execPath, '--import', TSX, path.join(PROJECT_ROOT, 'scripts', 'batch.ts'), '--template', 'videos/t-template.json', '--data', 'data/rows.csv', ...args];
  const command = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.end(`${answer}\n`);
  let screen = '';
  child.stdout.on('data', (d) => (screen += d));
  child.stderr.on('data', (d) => (screen += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen })));
}
const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;

const creations = (requests: string[]) => requests.filter((r) => r.startsWith('POST') && /video/.test(r));

describe('npm run batch: cost estimate and spending limit', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let emulator: Emulator;
  let proxy: Awaited<ReturnType<typeof paidLookingEmulator>>;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    proxy = await paidLookingEmulator(emulator);
  });
  // A fresh project each: no test finds clips another one stored.
  beforeEach(async () => {
    proxy.requests.length = 0;
    project = await tempProject([]);
    await writeFile(path.join(project.root, 'videos', 't-template.json'), JSON.stringify(TEMPLATE));
    await mkdir(path.join(project.root, 'data'), { recursive: true });
    await writeFile(path.join(project.root, 'data', 'rows.csv'), 'id,city\nalpha,Oslo\nbeta,Rome\n');
  });
  afterEach(() => project?.cleanup());
  afterAll(async () => {
    await proxy?.close();
    await emulator?.close();
  });

  it('--dry-run prints the cost per row and in total, counts a shared clip once, and sends nothing billable', async () => {
    const run = await runBatchScript(project.root, proxy.url, ['--dry-run']);
    expect(run.stderr).not.toMatch(/failed/);
    expect(run.code).toBe(0);
    const row = (name: string) => new RegExp(`^ {2}${name} +2 clip\\(s\\) +(\\d+) s +\\$(\\d+\\.\\d\\d) +\\(1 clip\\(s\\) shared with other rows, counted once in the total\\)$`, 'm');
    const total = /^ {2}total +3 clip\(s\) +(\d+) s +\$(\d+\.\d\d)$/m;
    expect(run.stdout).toMatch(row('alpha'));
    expect(run.stdout).toMatch(row('beta'));
    expect(run.stdout).toMatch(total);
    const usd = Number(run.stdout.match(total)![2]);
    const alpha = Number(run.stdout.match(row('alpha'))![2]);
    // At $1 a second: a shared clip is in both rows but once in the total.
    expect(usd).toBeGreaterThan(alpha);
    expect(usd).toBeLessThan(2 * alpha);
    expect(creations(proxy.requests)).toEqual([]);
    expect(existsSync(path.join(project.root, 'public', 'clips'))).toBe(false);
    expect(existsSync(path.join(project.root, 'out', 'batch', 't', 'alpha.mp4'))).toBe(false);
  });

  it('--dry-run --locales prices every row in every language and prints the cost per locale', async () => {
    const scripts = { '$.scenes[0].script': 'Hallo {{city}}, hier sind Ihre Zahlen für das Quartal.', '$.scenes[1].script': 'Danke fürs Zuschauen, bis zum nächsten Quartal.' };
    await writeFile(path.join(project.root, 'videos', 't-template.json'), JSON.stringify({ ...TEMPLATE, locale: 'en-US', locales: { 'de-DE': { text: scripts } } }));
    const run = await runBatchScript(project.root, proxy.url, ['--dry-run', '--locales', 'all', '--fallback', 'source']);
    expect(run.code).toBe(0);
    // Titles and labels were not translated: listed, and the source text kept.
    expect(run.stderr).toMatch(/warning: alpha de-DE: 4 text\(s\) have no translation and keep the source text \(--fallback source\): \$\.scenes\[0\]\.title/);
    for (const name of ['alpha.en-US', 'alpha.de-DE', 'beta.en-US', 'beta.de-DE']) expect(run.stdout).toMatch(new RegExp(`^ {2}${name.replace('.', '\\.')} +2 clip\\(s\\)`, 'm'));
    // Each language's closing scene is shared by both rows: 3 clips a language.
    const locale = (tag: string) => new RegExp(`^ {2}locale ${tag} +3 clip\\(s\\) +(\\d+) s +\\$(\\d+\\.\\d\\d)$`, 'm');
    expect(run.stdout).toMatch(locale('en-US'));
    expect(run.stdout).toMatch(locale('de-DE'));
    expect(run.stdout).toMatch(/^ {2}total +6 clip\(s\)/m);
    expect(creations(proxy.requests)).toEqual([]);
  });

  it('over --max-usd without a terminal it refuses at once, naming --yes, and creates nothing', async () => {
    const run = await runBatchScript(project.root, proxy.url, ['--max-usd', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused: about \$\d+\.\d\d of HeyGen video \(3 clip\(s\), \d+ s\) is over the limit of \$1\.00; nothing was sent\. Pass --yes to spend it/);
    expect(creations(proxy.requests)).toEqual([]);
    expect(existsSync(path.join(project.root, 'public', 'clips'))).toBe(false);
  });

  it('with --yes it goes on and the clips are requested', async () => {
    // A file the batch did not make stands where each video would go, so the rows stop before any render.
    const own = path.join(project.root, 'out', 'batch', 't');
    await mkdir(own, { recursive: true });
    await Promise.all(['alpha', 'beta'].map((n) => writeFile(path.join(own, `${n}.mp4`), 'the user made this one')));
    const run = await runBatchScript(project.root, proxy.url, ['--max-usd', '1', '--yes']);
    expect(run.stderr).not.toMatch(/refused: about/);
    expect(creations(proxy.requests)).toHaveLength(3);
    expect(run.stdout).toMatch(/alpha\.mp4 is already there and this batch did not make it/);
  });

  describe.skipIf(!HAS_SCRIPT)('in a terminal', () => {
    it('over --max-usd it asks; answering no sends nothing', async () => {
      const run = await runBatchInTerminal(project.root, proxy.url, ['--max-usd', '1'], 'n');
      expect(run.screen).toMatch(/Spend about \$\d+\.\d\d on HeyGen \(over --max-usd 1\)\? \[y\/N\]/);
      expect(run.code).toBe(1);
      expect(creations(proxy.requests)).toEqual([]);
      expect(existsSync(path.join(project.root, 'public', 'clips'))).toBe(false);
    });

    it('over --max-usd it asks; answering yes goes on and the clips are requested', async () => {
      const own = path.join(project.root, 'out', 'batch', 't');
      await mkdir(own, { recursive: true });
      await Promise.all(['alpha', 'beta'].map((n) => writeFile(path.join(own, `${n}.mp4`), 'the user made this one')));
      const run = await runBatchInTerminal(project.root, proxy.url, ['--max-usd', '1'], 'y');
      expect(run.screen).toMatch(/\[y\/N\]/);
      expect(creations(proxy.requests)).toHaveLength(3);
    });
  });
});
