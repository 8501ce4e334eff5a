import { openBrowser, type HeadlessBrowser } from '@remotion/renderer';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { onExitSync } from '../lib/exit-cleanup';
import { ensureRenderBrowser } from './ensure-browser';
import { withoutSecretsInEnv } from '../lib/secrets';
import { ownedTempDir } from './owned-temp-dir';

/**
 * One browser for many renders. Chromium writes its profile and `org.chromium.Chromium.*` files under TMPDIR,
 * so it starts with a TMPDIR of its own that close() removes (and a later run sweeps if this one is killed).
 */
export async function openRenderBrowser(root?: string): Promise<HeadlessBrowser> {
  const { executable } = await ensureRenderBrowser(root);
  const tmp = ownedTempDir('chromium');
  // Removed also when the process is interrupted before close() (exit jobs kill the browser first).
  const forget = onExitSync(() => rmSync(tmp, { recursive: true, force: true }));
  const saved = process.env.TMPDIR;
  // The browser inherits process.env when spawned; os.tmpdir() (its profile folder) reads TMPDIR too.
  process.env.TMPDIR = tmp;
  let browser: HeadlessBrowser;
  try {
    browser = await withoutSecretsInEnv(() => openBrowser('chrome', { browserExecutable: executable, logLevel: 'error' }));
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  const close = browser.close.bind(browser);
  browser.close = async (opts) => {
    try {
      await close(opts);
    } finally {
      await rm(tmp, { recursive: true, force: true });
      forget();
    }
  };
  return browser;
}
