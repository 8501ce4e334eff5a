import { ensureBrowser } from '@remotion/renderer';
import { NO_BROWSER_HELP, resolveBrowser, type ResolvedBrowser } from './browser';

/** The browser to render with; when no local one exists, Remotion's own download is the last try. */
export async function ensureRenderBrowser(root: string = process.cwd()): Promise<ResolvedBrowser> {
  const local = resolveBrowser(root);
  if (local) return local;
  try {
    const status = await ensureBrowser();
    if (status.type === 'local-puppeteer-browser' || status.type === 'user-defined-path') return { executable: status.path, source: 'remotion-download' };
    throw new Error(`unexpected browser status ${status.type}`);
  } catch (err) {
    throw new Error(`${NO_BROWSER_HELP}\n(Remotion's download said: ${(err as Error).message.split('\n')[0]})`);
  }
}
