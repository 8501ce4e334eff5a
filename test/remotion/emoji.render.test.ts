import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderStill, selectComposition } from '@remotion/renderer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRenderBrowser } from '../../src/render/open-render-browser';
import { mountBundle, type MountedBundle } from '../helpers/mount-bundle';
import { PROJECT_ROOT } from '../helpers/project';
import { readPng, type Rgba } from './helpers/image-diff';

/** Pixels of strong colour (red, yellow, blue…): a colour emoji has many, its text or an empty box has none. */
function vividPixels(img: Rgba): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) {
    const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 100) n++;
  }
  return n;
}

describe('emoji in a title', () => {
  let dir: string;
  let bundle: MountedBundle;
  let browser: Awaited<ReturnType<typeof openRenderBrowser>>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hr-emoji-'));
    // The project's own public/ (its sample presenter), read only.
    bundle = await mountBundle(path.join(PROJECT_ROOT, 'public'));
    browser = await openRenderBrowser();
  });
  afterAll(async () => {
    await browser?.close({ silent: true });
    await bundle?.dispose();
    if (dir && !process.env.KEEP_STILL) await rm(dir, { recursive: true, force: true });
  });

  const still = async (title: string, name: string) => {
    const base = await selectComposition({ serveUrl: bundle.serveUrl, id: 'Square', inputProps: {}, puppeteerInstance: browser, logLevel: 'error' });
    const props = base.props as { scenes: { title?: string }[] };
    const inputProps = { ...props, scenes: props.scenes.map((s, i) => (i === 0 ? { ...s, title } : s)) };
    const composition = await selectComposition({ serveUrl: bundle.serveUrl, id: 'Square', inputProps, puppeteerInstance: browser, logLevel: 'error' });
    const output = path.join(dir, name);
    await renderStill({ serveUrl: bundle.serveUrl, composition, inputProps, output, frame: 120, scale: 0.4, puppeteerInstance: browser, logLevel: 'error' });
    return readPng(output).then((img) => (process.env.KEEP_STILL ? (console.log(output), img) : img));
  };

  // Started on branch guard2-emoji with Noto Color Emoji, whose COLRv1 glyphs this Chromium paints empty; Twemoji's COLRv0 ones show.
  it('draws colour emoji from the bundled Twemoji font, not empty boxes', async () => {
    const plain = await still('Launch day', 'plain.png');
    const emoji = await still('🚀🎉 Launch', 'emoji.png');
    expect(vividPixels(emoji) - vividPixels(plain)).toBeGreaterThan(150);
  });
});
