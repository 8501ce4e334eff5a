import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleManifestFor } from '../../remotion/shared/sample-manifest';
import { openRenderSession, type RenderSession } from '../../src/render/render-session';
import { videoSpecSchema, type VideoSpecInput } from '../../src/spec/video-spec';
import { mountBundle, type MountedBundle } from '../helpers/mount-bundle';
import { PROJECT_ROOT } from '../helpers/project';
import { readPng, type Rgba } from './helpers/image-diff';
import { stillOf } from './helpers/render-kit';

const BASE: VideoSpecInput = {
  id: 'rtl',
  format: 'landscape-720p',
  avatar: { id: 'Angela-inblackskirt-20220820' },
  voice: { id: '1bd001e7e50f421d891986aad5158bc8' },
  captions: false,
  scenes: [{ title: 'نقاط', script: 'Hello.', graphic: { type: 'bullets', items: ['النقطة الأولى', 'النقطة الثانية', 'النقطة الثالثة'] } }],
};

/** Mean x of the bullets' badges (the theme's sky-blue primary, also half faded in) within a column band. */
function badgeX(img: Rgba, fromX: number, toX: number): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = Math.floor(fromX * img.width); x < Math.floor(toX * img.width); x++) {
      const i = (y * img.width + x) * 4;
      const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
      if (b > r + 70 && g > r + 40) {
        sum += x;
        n++;
      }
    }
  }
  expect(n, 'no badge pixels found').toBeGreaterThan(20);
  return sum / n;
}

/** Pixels whose colour differs by more than a JPEG-proof margin. */
function pixelsChanged(a: Rgba, b: Rgba): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!) > 60) n++;
  }
  return n;
}

describe('right-to-left: motion and glyphs', () => {
  let bundle: MountedBundle;
  let session: RenderSession;
  let dir: string;
  const still = async (spec: VideoSpecInput, frame: number, name: string, presenter: 'sample' | 'placeholder' = 'sample') => {
    const parsed = videoSpecSchema.parse(spec);
    const file = path.join(dir, `${name}.png`);
    const manifest = presenter === 'sample' ? sampleManifestFor(parsed) : { version: 1, clips: {} };
    await stillOf(session, 'Explainer', { ...parsed, manifest }, frame, file, 0.5);
    return readPng(file);
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hr-rtl-'));
    bundle = await mountBundle(path.join(PROJECT_ROOT, 'public'));
    session = await openRenderSession({ codeRoot: PROJECT_ROOT, serveUrl: bundle.serveUrl });
  });

  afterAll(async () => {
    await session?.close();
    await bundle?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('bullets slide in from the right in ar-EG and from the left in en-US, numbered in the locale\'s digits', async () => {
    // Frame 15: the first point is half way in; frame 60: every point has settled in its column.
    const ar = { ...BASE, locale: 'ar-EG' };
    const arMid = badgeX(await still(ar, 15, 'ar-mid'), 0.3, 1);
    const arEndImg = await still(ar, 60, 'ar-end');
    const arEnd = badgeX(arEndImg, 0.3, 1);
    expect(arMid - arEnd).toBeGreaterThan(3);
    const en = { ...BASE, locale: 'en-US' };
    const enMid = badgeX(await still(en, 15, 'en-mid'), 0, 0.7);
    const enEnd = badgeX(await still(en, 60, 'en-end'), 0, 0.7);
    expect(enEnd - enMid).toBeGreaterThan(3);
    // With native digits the badges count ١ ٢ ٣: only they differ from the Latin-digit still.
    const native = await still({ ...ar, locales: { 'ar-EG': { digits: 'native' } } }, 60, 'ar-native');
    expect(pixelsChanged(native, arEndImg)).toBeGreaterThan(10);
  });

  it('the Arabic thousands separator (U+066C) is drawn as a glyph, not the missing-glyph box', async () => {
    const withOverlay = (text: string) => ({ ...BASE, locale: 'ar-EG', scenes: [{ ...BASE.scenes[0]!, overlays: [{ text, position: 'top' as const, style: 'headline' as const }] }] });
    const separator = await still(withOverlay('١٬٢٣٤'), 40, 'sep', 'placeholder');
    // Two private-use characters no font draws: both are a missing-glyph box. Measured: the separator differs from a
    // box in ~590 pixels, all in the text; two boxes in 0 here, but in 12 and 23 in two CI runs under load (where
    // the difference came from is not known), so the boxes must be alike and the separator far from both.
    const boxA = await still(withOverlay('١\uE000٢٣٤'), 40, 'box-a', 'placeholder');
    const boxB = await still(withOverlay('١\uE001٢٣٤'), 40, 'box-b', 'placeholder');
    expect(pixelsChanged(boxA, boxB)).toBeLessThan(60);
    expect(pixelsChanged(separator, boxA)).toBeGreaterThan(200);
    expect(pixelsChanged(separator, boxB)).toBeGreaterThan(200);
  });
});
