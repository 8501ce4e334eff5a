import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export type BrowserSource = 'env' | 'remotion-download' | 'system' | 'npm-package';

export interface ResolvedBrowser {
  executable: string;
  source: BrowserSource;
}

/** The environment variable that names a browser to render with; it wins over every other source. */
export const BROWSER_ENV = 'REMOTION_BROWSER_EXECUTABLE';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

// No import.meta here: remotion.config.ts is compiled to CommonJS by Remotion's CLI and imports this file.
function projectRequire(root: string): NodeRequire {
  return createRequire(path.join(root, 'package.json'));
}

function remotionDownloadedBrowser(root: string): string | null {
  const base = path.join(root, 'node_modules', '.remotion', 'chrome-headless-shell');
  const candidates = [
    path.join(base, 'linux64', 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
    path.join(base, 'linux-arm64', 'chrome-headless-shell-linux-arm64', 'headless_shell'),
    path.join(base, 'mac-arm64', 'chrome-headless-shell-mac-arm64', 'chrome-headless-shell'),
    path.join(base, 'mac-x64', 'chrome-headless-shell-mac-x64', 'chrome-headless-shell'),
    path.join(base, 'win64', 'chrome-headless-shell-win64', 'chrome-headless-shell.exe'),
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}

function systemBrowser(): string | null {
  return SYSTEM_BROWSERS.find((c) => existsSync(c)) ?? null;
}

function packageVersion(entry: string): string {
  // The package's exports hide package.json, so walk up from its entry point.
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name && pkg.version) return pkg.version;
    }
  }
  return 'unknown';
}

/**
 * @sparticuz/chromium ships a brotli-compressed Chromium for Linux x64. It is unpacked once into
 * node_modules/.cache (not the shared temp dir, where it would be unpacked again after every reboot)
 * by a child process, so this resolver stays synchronous for remotion.config.ts.
 */
function npmPackagedBrowser(root: string): string | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  let entry: string;
  try {
    entry = projectRequire(root).resolve('@sparticuz/chromium');
  } catch {
    return null;
  }
  const version = packageVersion(entry);
  const cacheDir = path.join(root, 'node_modules', '.cache', 'heygen-remotion', `sparticuz-chromium-${version}`);
  const executable = path.join(cacheDir, 'chromium');
  if (existsSync(executable)) return executable;

  const staging = `${cacheDir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const script =
    'const m = require(process.argv[1]); (m.default ?? m).executablePath().catch((e) => { console.error(e); process.exit(1); });';
  try {
    execFileSync(process.execPath, ['-e', script, entry], {
      env: { ...process.env, TMPDIR: staging, TMP: staging, TEMP: staging },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 120_000,
    });
    if (!existsSync(path.join(staging, 'chromium'))) return null;
    mkdirSync(path.dirname(cacheDir), { recursive: true });
    // Rename last, so a crash mid-unpack never leaves a cache that looks complete.
    try {
      renameSync(staging, cacheDir);
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
    return existsSync(executable) ? executable : null;
  } catch {
    rmSync(staging, { recursive: true, force: true });
    return null;
  }
}

/**
 * Finds a browser to render with, in order: $REMOTION_BROWSER_EXECUTABLE, a browser Remotion already
 * downloaded, a system Chromium/Chrome, the Chromium inside @sparticuz/chromium. Returns null when none is
 * found, so the caller can let Remotion try its own download.
 */
export function resolveBrowser(root: string = process.cwd()): ResolvedBrowser | null {
  const fromEnv = process.env[BROWSER_ENV];
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`${BROWSER_ENV} names ${fromEnv}, which does not exist. Point it at a Chromium or Chrome executable, or unset it.`);
    }
    return { executable: fromEnv, source: 'env' };
  }
  const downloaded = remotionDownloadedBrowser(root);
  if (downloaded) return { executable: downloaded, source: 'remotion-download' };
  const system = systemBrowser();
  if (system) return { executable: system, source: 'system' };
  const packaged = npmPackagedBrowser(root);
  if (packaged) return { executable: packaged, source: 'npm-package' };
  return null;
}

export const NO_BROWSER_HELP = [
  'No browser to render with, and Remotion could not download its own (no internet?). Any one of these fixes it:',
  '  - install Chromium: `sudo apt-get install chromium` (Debian/Ubuntu) or Google Chrome;',
  `  - set ${BROWSER_ENV}=/path/to/chrome to a Chromium or Chrome you already have;`,
  '  - on Linux x64, run `npm ci` again so that @sparticuz/chromium is installed;',
  '  - or, with internet, `npx remotion browser ensure`.',
].join('\n');

export function tempDirHint(): string {
  return os.tmpdir();
}
