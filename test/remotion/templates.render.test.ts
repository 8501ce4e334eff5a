import { copyFile, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainerDefaultProps } from '../../remotion/explainer/default-props';
import { computeLayout } from '../../remotion/shared/layout';
import { sampleManifestFor } from '../../remotion/shared/sample-manifest';
import { socialDefaultProps } from '../../remotion/social/default-props';
import { squareDefaultProps } from '../../remotion/square/default-props';
import { ffprobe } from '../../src/media/ffmpeg';
import { mountBundle, type MountedBundle } from '../helpers/mount-bundle';
import { openRenderSession, type RenderSession } from '../../src/render/render-session';
import { formatPreset, type FormatId } from '../../src/spec/formats';
import type { Manifest } from '../../src/spec/manifest';
import { videoSpecSchema } from '../../src/spec/video-spec';
import { PROJECT_ROOT } from '../helpers/project';
import { meanAbsDiff, readPng } from './helpers/image-diff';
import { stillOf, videoOf } from './helpers/render-kit';

const SCALE = 0.25;
/** Late enough in scene one that every entrance has settled. */
const FRAME = 160;
/** Mean absolute pixel difference allowed against a reference still (3% of full scale). */
const TOLERANCE = 0.03;
const REFS = fileURLToPath(new URL('./__refs__/', import.meta.url));
const UPDATE_REFS = process.env.UPDATE_REFS === '1';

type Props = Record<string, unknown>;
// Video scales keep both edges even, as H.264 in 4:2:0 needs (1350 × 0.25 would not be).
const TEMPLATES: { id: string; defaults: Props; presets: FormatId[]; video: FormatId; videoScale: number }[] = [
  { id: 'Explainer', defaults: explainerDefaultProps as Props, presets: ['landscape-1080p', 'landscape-720p'], video: 'landscape-1080p', videoScale: 0.25 },
  { id: 'Social', defaults: socialDefaultProps as Props, presets: ['portrait-1080p', 'portrait-720p'], video: 'portrait-720p', videoScale: 0.25 },
  { id: 'Square', defaults: squareDefaultProps as Props, presets: ['square-1080p', 'square-720p', 'feed-1080p', 'feed-720p'], video: 'feed-1080p', videoScale: 0.2 },
];

/** The template's Studio demo at another format, with the sample clip keyed for that format's clip requests. */
function demoAt(defaults: Props, format: FormatId, change: Props = {}): Props {
  const props = { ...defaults, format, ...change };
  return { ...props, manifest: sampleManifestFor(videoSpecSchema.parse(props)) };
}

describe('templates render at every preset of their aspect', () => {
  let bundle: MountedBundle;
  let session: RenderSession;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hr-templates-'));
    bundle = await mountBundle(path.join(PROJECT_ROOT, 'public'));
    session = await openRenderSession({ codeRoot: PROJECT_ROOT, serveUrl: bundle.serveUrl });
  });

  afterAll(async () => {
    await session?.close();
    await bundle?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe.each(TEMPLATES)('$id', ({ id, defaults, presets, video, videoScale }) => {
    it.each(presets)(`renders a still at %s, sized by the preset`, async (format) => {
      const out = path.join(dir, `${id}-${format}.png`);
      const comp = await stillOf(session, id, demoAt(defaults, format), FRAME, out, SCALE);
      const { width, height } = formatPreset(format);
      expect([comp.width, comp.height]).toEqual([width, height]);
      const img = await readPng(out);
      expect([img.width, img.height]).toEqual([Math.round(width * SCALE), Math.round(height * SCALE)]);
    });

    it('matches its reference still (mean pixel difference under 3%)', async () => {
      const format = presets[0]!;
      const out = path.join(dir, `${id}-${format}.png`);
      const ref = path.join(REFS, `${id}.png`);
      await stat(out).catch(() => stillOf(session, id, demoAt(defaults, format), FRAME, out, SCALE));
      if (UPDATE_REFS) {
        await mkdir(REFS, { recursive: true });
        await copyFile(out, ref);
      }
      const exists = await stat(ref).then(() => true, () => false);
      expect(exists, `no reference ${ref}: render it with UPDATE_REFS=1 npx vitest run test/remotion/templates.test.ts and commit it`).toBe(true);
      expect(meanAbsDiff(await readPng(out), await readPng(ref))).toBeLessThan(TOLERANCE);
    });

    it(`renders 1 s of H.264 + AAC at ${video}`, async () => {
      const out = path.join(dir, `${id}.mp4`);
      await videoOf(session, id, demoAt(defaults, video), out, { scale: videoScale, frameRange: [0, 29] });
      const probe = await ffprobe(out);
      const v = probe.streams.find((s) => s.codec_type === 'video')!;
      const a = probe.streams.find((s) => s.codec_type === 'audio');
      const { width, height } = formatPreset(video);
      expect(v.codec_name).toBe('h264');
      expect([v.width, v.height]).toEqual([width * videoScale, height * videoScale]);
      expect(Number(v.nb_frames)).toBe(30);
      expect(Math.abs(Number(v.duration) - 1)).toBeLessThanOrEqual(1 / 30 + 1e-6);
      expect(a?.codec_name).toBe('aac');
    });
  });

  it('the reference comparison fails when the layout changes materially (presenter side by side instead of in the corner)', async () => {
    const out = path.join(dir, 'Explainer-side.png');
    await stillOf(session, 'Explainer', demoAt(explainerDefaultProps as Props, 'landscape-1080p', { presenter: { framing: 'side', side: 'right' } }), FRAME, out, SCALE);
    expect(meanAbsDiff(await readPng(out), await readPng(path.join(REFS, 'Explainer.png')))).toBeGreaterThan(TOLERANCE);
  });

  it('shows SRT cues when the clip has no word timings, and a placeholder where a clip is missing', async () => {
    const format: FormatId = 'square-1080p';
    const base = demoAt(squareDefaultProps as Props, format);
    const manifest = base.manifest as Manifest;
    const srtOnly: Manifest = { ...manifest, clips: Object.fromEntries(Object.entries(manifest.clips).map(([k, c]) => [k, { ...c, words: undefined, wordsSource: undefined }])) };
    const [withSrt, without, missing, normal] = ['srt', 'none', 'missing', 'normal'].map((n) => path.join(dir, `square-${n}.png`));
    await stillOf(session, 'Square', { ...base, manifest: srtOnly }, FRAME, withSrt!, SCALE);
    await stillOf(session, 'Square', { ...base, manifest: srtOnly, captions: false }, FRAME, without!, SCALE);
    await stillOf(session, 'Square', { ...base, manifest: { version: 1, clips: {} } }, FRAME, missing!, SCALE);
    await stillOf(session, 'Square', base, FRAME, normal!, SCALE);
    const { width, height } = formatPreset(format);
    const layout = computeLayout({ template: 'square', width, height, framing: 'pip', side: 'right', clipAspect: 1, captions: true, logo: true });
    const scaled = (r: { x: number; y: number; width: number; height: number }) => ({ x: r.x * SCALE, y: r.y * SCALE, width: r.width * SCALE, height: r.height * SCALE });
    expect(meanAbsDiff(await readPng(withSrt!), await readPng(without!), scaled(layout.captions))).toBeGreaterThan(0.05);
    expect(meanAbsDiff(await readPng(missing!), await readPng(normal!), scaled(layout.presenter.body))).toBeGreaterThan(0.05);
  });
});
