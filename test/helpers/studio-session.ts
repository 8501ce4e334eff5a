import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { resolveBrowser } from '../../src/render/browser';
import { commandOf, descendantsOf } from './processes';
import { PROJECT_ROOT } from './project';

const require = createRequire(import.meta.url);
const TSX = require.resolve('tsx');

/** `npm run studio -- --port 0 --project <root>` (videos/ and public/ of a temp project); resolves with its URL once Studio serves. */
export function startStudio(root: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, 'scripts/studio.ts', '--port', '0', '--project', root], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Studio ready: (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, output: () => out });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`studio exited with ${code} before it was ready:\n${out}`)));
  });
}

/** Flags @sparticuz/chromium needs to start outside Lambda (see /work/shared/remotion-here.md); harmless for others. */
const CHROMIUM_FLAGS = ['--single-process', '--in-process-gpu', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--no-zygote'];

/** The project's own browser (the one renders use), driven by Playwright. */
export async function launchProjectBrowser(): Promise<Browser> {
  const resolved = resolveBrowser(PROJECT_ROOT);
  if (!resolved) throw new Error('no browser for the project (see src/render/browser.ts)');
  return chromium.launch({ executablePath: resolved.executable, args: CHROMIUM_FLAGS, headless: true });
}

/** Opens a composition in Studio at a frame, props panel open (Studio keeps both in localStorage). */
export async function openComposition(browser: Browser, url: string, id: string, frame: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.addInitScript(
    ([key, f]) => {
      localStorage.setItem('remotion.time-all', JSON.stringify({ [key as string]: f }));
      localStorage.setItem('remotion.sidebarRightCollapsing', 'expanded');
    },
    [id, frame] as const,
  );
  await page.goto(`${url}/${id}`);
  return page;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Resolves when `done` settles or after `ms`, whichever is first (a bound on a wait, never a pause). */
function bounded(done: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([done.then(() => undefined, () => undefined), new Promise<void>((r) => (timer = setTimeout(r, ms)))]).finally(() => clearTimeout(timer));
}

/**
 * Stops Studio (scripts/studio.ts and everything below it) and the test's browser by their process ids, also when a
 * test failed half-way: a polite stop first, then SIGKILL for whatever is still alive.
 */
export async function stopStudio(studio: { child: ChildProcess } | undefined, browser: Browser | undefined): Promise<void> {
  const studioPid = studio?.child.pid;
  const studioTree = studioPid ? descendantsOf(studioPid) : [];
  // Playwright starts the browser below this process; Studio's own (render) browsers are below Studio.
  const browserTree = descendantsOf(process.pid).filter((p) => p !== studioPid && !studioTree.includes(p) && /chrom/i.test(commandOf(p)));
  if (browser) await bounded(browser.close(), 10_000);
  if (studio && studioPid && studio.child.exitCode === null && studio.child.signalCode === null) {
    const exited = new Promise((r) => studio.child.once('exit', r));
    process.kill(studioPid, 'SIGTERM');
    await bounded(exited, 10_000);
  }
  for (const p of [...browserTree, ...(studioPid ? [studioPid] : []), ...studioTree]) if (alive(p)) process.kill(p, 'SIGKILL');
}
