import path from 'node:path';
import type { HeadlessBrowser } from '@remotion/renderer';
import { bundleProject, type ProjectBundle } from './bundle-project';
import { openRenderBrowser } from './open-render-browser';
import { sweepStaleTempDirs } from './owned-temp-dir';
import { renderSettings, type RenderSettings, type RenderSettingsInput } from './render-settings';
import { renderVideo, type RenderJob, type RenderVideoResult } from './render-video';

export interface RenderSessionOptions {
  /** Where remotion/ lives (the repository); default the current directory. */
  codeRoot?: string;
  /** The project's public folder (clips, media); default <codeRoot>/public. */
  publicDir?: string;
  /** An existing bundle (e.g. a test run's global setup): used as is and never deleted by this session. */
  serveUrl?: string;
  /** Defaults for every render of this session; each render may override some. */
  settings?: RenderSettingsInput;
  onBundleProgress?: (percent: number) => void;
}

/** One bundle and one browser for every render of a run; close() removes the bundle, the browser and its profile. */
export interface RenderSession {
  readonly serveUrl: string;
  readonly browser: HeadlessBrowser;
  readonly settings: RenderSettings;
  /** Milliseconds it took to bundle and start the browser. */
  readonly readyMs: number;
  render(job: RenderJob, overrides?: RenderSettingsInput): Promise<RenderVideoResult>;
  close(): Promise<void>;
}

/**
 * Bundles remotion/ once (unless given a serveUrl) and starts one browser, side by side. Temp folders of killed
 * earlier runs are swept first; this session's own are named after this process (a later run sweeps them if this
 * one is killed) and removed at exit (entry points call exitCleanlyOnSignals, so Ctrl-C removes them too).
 */
export async function openRenderSession(opts: RenderSessionOptions = {}): Promise<RenderSession> {
  const t0 = Date.now();
  const codeRoot = opts.codeRoot ?? process.cwd();
  const settings = renderSettings(opts.settings);
  await sweepStaleTempDirs();
  const [bundled, browser] = await Promise.allSettled([
    opts.serveUrl ? Promise.resolve(null) : bundleProject({ root: codeRoot, publicDir: opts.publicDir ?? path.join(codeRoot, 'public'), onProgress: opts.onBundleProgress }),
    openRenderBrowser(codeRoot),
  ]);
  if (bundled.status === 'rejected' || browser.status === 'rejected') {
    if (bundled.status === 'fulfilled') await bundled.value?.dispose();
    if (browser.status === 'fulfilled') await browser.value.close({ silent: true });
    throw bundled.status === 'rejected' ? bundled.reason : (browser as PromiseRejectedResult).reason;
  }
  const bundle: ProjectBundle | null = bundled.value;
  const serveUrl = opts.serveUrl ?? bundle!.serveUrl;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await browser.value.close({ silent: true }).catch(() => {});
      await bundle?.dispose();
    })());
  return {
    serveUrl,
    browser: browser.value,
    settings,
    readyMs: Date.now() - t0,
    render: (job, overrides) => renderVideo({ ...job, serveUrl, browser: browser.value, settings: renderSettings(settings, overrides) }),
    close,
  };
}
