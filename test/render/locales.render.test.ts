import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { ffmpegPath, ffprobe, runBinary } from '../../src/media/ffmpeg';
import { parseLocaleSelection } from '../../src/project/localized-specs';
import { renderSpec } from '../../src/render/render-spec';
import { openRenderSession, type RenderSession } from '../../src/render/render-session';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { mountBundle, type MountedBundle } from '../helpers/mount-bundle';
import { tempProject } from '../helpers/project';
import { meanAbsDiff, readPng, type Rgba } from '../remotion/helpers/image-diff';
import { ENGLISH_SOURCE, voice } from '../helpers/locale-voices';

const REFS = fileURLToPath(new URL('./__refs__/', import.meta.url));
const UPDATE_REFS = process.env.UPDATE_REFS === '1';
const LOCALES = ['en-US', 'de-DE', 'ar-EG', 'ja-JP'] as const;

/** One short scene: a title, a bar chart of four-digit numbers, a spoken line; the same data in four languages. */
const SPEC: VideoSpecInput = {
  id: 'glyphs',
  ...ENGLISH_SOURCE,
  scenes: [
    {
      title: 'Sign-ups doubled',
      script: 'Sign-ups doubled this quarter.',
      graphic: { type: 'bar', data: [{ label: 'January', value: 1200 }, { label: 'March', value: 2480.5 }] },
    },
  ],
  locales: {
    'de-DE': {
      voice: { id: voice('German') },
      text: { '$.scenes[0].title': 'Anmeldungen verdoppelt', '$.scenes[0].script': 'Die Anmeldungen haben sich verdoppelt.', '$.scenes[0].graphic.data[0].label': 'Januar', '$.scenes[0].graphic.data[1].label': 'Empfehlungsprogrammteilnehmer' },
    },
    'ar-EG': {
      voice: { id: voice('Arabic') },
      digits: 'native',
      text: { '$.scenes[0].title': 'تضاعفت التسجيلات', '$.scenes[0].script': 'تضاعفت التسجيلات هذا الربع.', '$.scenes[0].graphic.data[0].label': 'يناير', '$.scenes[0].graphic.data[1].label': 'مارس' },
    },
    'ja-JP': {
      voice: { id: voice('Japanese') },
      text: { '$.scenes[0].title': '登録数が2倍に', '$.scenes[0].script': 'とうろくすうが にばいに なりました。', '$.scenes[0].graphic.data[0].label': '1月', '$.scenes[0].graphic.data[1].label': '3月' },
    },
  },
};

/** Pixels of the presenter's drawn figure (warm hair, skin and clothes) in a column band of the lower half. */
function warmPixels(img: Rgba, fromX: number, toX: number): number {
  let n = 0;
  for (let y = Math.floor(img.height / 2); y < img.height; y++) {
    for (let x = Math.floor(fromX * img.width); x < Math.floor(toX * img.width); x++) {
      const i = (y * img.width + x) * 4;
      if (img.data[i]! > img.data[i + 2]! + 60) n++;
    }
  }
  return n;
}

describe('one spec in en-US, de-DE, ar-EG and ja-JP, rendered offline', () => {
  let project: Awaited<ReturnType<typeof tempProject>>;
  let bundle: MountedBundle;
  let session: RenderSession;
  const stills: Record<string, string> = {};

  beforeAll(async () => {
    project = await tempProject([SPEC]);
    const prebuild = await runPrebuild({ root: project.root, specFiles: project.files, locales: parseLocaleSelection({ locales: 'all' }), connect: connectFreshEmulator() });
    expect(prebuild.failed).toEqual([]);
    bundle = await mountBundle(path.join(project.root, 'public'));
    session = await openRenderSession({ serveUrl: bundle.serveUrl, settings: { scale: 0.5 } });
    for (const locale of LOCALES) {
      await renderSpec(session, { root: project.root, specFile: project.files[0]!, locale });
      // A still from the MP4 once the title, the bars and their numbers have settled.
      stills[locale] = path.join(project.root, 'out', `${locale}.png`);
      await runBinary(ffmpegPath(), ['-v', 'error', '-y', '-ss', '1.6', '-i', path.join(project.root, 'out', `glyphs.${locale}.mp4`), '-frames:v', '1', stills[locale]!]);
    }
  });

  afterAll(async () => {
    await session?.close();
    await bundle?.dispose();
    await project?.cleanup();
  });

  it.each(LOCALES)('%s: out/glyphs.<locale>.mp4 has the video and the speech of its language', async (locale) => {
    const probe = await ffprobe(path.join(project.root, 'out', `glyphs.${locale}.mp4`));
    expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    expect(Number(probe.format.duration)).toBeGreaterThan(1);
    // The clip the render used was spoken by the eSpeak NG voice of the locale's language (emulator voice ids per language).
    const manifest = JSON.parse(await readFile(path.join(project.root, 'public/clips/manifest.json'), 'utf8')) as { clips: Record<string, { file: string }> };
    const titles = await Promise.all(Object.values(manifest.clips).map(async (c) => (await ffprobe(path.join(project.root, 'public', c.file))).streams.find((s) => s.codec_type === 'audio')?.tags?.title));
    const language = { 'en-US': 'en-', 'de-DE': 'de+', 'ar-EG': 'ar+', 'ja-JP': 'ja+' }[locale];
    expect(titles.some((t) => t?.startsWith(`espeak-ng ${language}`))).toBe(true);
  });

  it.each(LOCALES)('%s: every text is drawn with real glyphs, as in the reference checked by eye', async (locale) => {
    const ref = path.join(REFS, `locale-${locale}.png`);
    if (UPDATE_REFS) {
      await mkdir(REFS, { recursive: true });
      await copyFile(stills[locale]!, ref);
    }
    const exists = await stat(ref).then(() => true, () => false);
    expect(exists, `no reference ${ref}: render it with UPDATE_REFS=1, look at it, and commit it`).toBe(true);
    expect(meanAbsDiff(await readPng(stills[locale]!), await readPng(ref))).toBeLessThan(0.03);
  });

  it('ar-EG is mirrored: the presenter stands on the left, where en-US has it on the right', async () => {
    const [en, ar] = await Promise.all([readPng(stills['en-US']!), readPng(stills['ar-EG']!)]);
    expect(warmPixels(en, 0.7, 1)).toBeGreaterThan(10 * warmPixels(en, 0, 0.3) + 100);
    expect(warmPixels(ar, 0, 0.3)).toBeGreaterThan(10 * warmPixels(ar, 0.7, 1) + 100);
  });
});
