import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { ffprobe } from '../../src/media/ffmpeg';
import { parseLocaleSelection } from '../../src/project/localized-specs';
import { clipRequestsFor, requestKey } from '../../src/spec/clip-request';
import { localizeSpec } from '../../src/spec/localize-spec';
import { manifestSchema } from '../../src/spec/manifest';
import { videoSpecSchema, type VideoSpecInput } from '../../src/spec/video-spec';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { tempProject } from '../helpers/project';
import { ENGLISH_SOURCE, voice } from '../helpers/locale-voices';

/** One short scene in four languages, with the emulator's voice of each language. */
const SPEC: VideoSpecInput = {
  id: 'hello',
  ...ENGLISH_SOURCE,
  scenes: [{ title: 'Hello', script: 'Sales went up.' }],
  locales: {
    'de-DE': { voice: { id: voice('German') }, text: { '$.scenes[0].title': 'Hallo', '$.scenes[0].script': 'Der Umsatz stieg.' } },
    'ar-EG': { voice: { id: voice('Arabic') }, digits: 'native', text: { '$.scenes[0].title': 'مرحبا', '$.scenes[0].script': 'ارتفعت المبيعات.' } },
    'ja-JP': { voice: { id: voice('Japanese') }, text: { '$.scenes[0].title': 'こんにちは', '$.scenes[0].script': '売上が 伸びました。' } },
  },
};

/** The espeak-ng voice the emulator wrote into each locale's clip (the title of its audio stream). */
async function spokenVoices(root: string, spec: VideoSpecInput): Promise<Record<string, string>> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(root, 'public/clips/manifest.json'), 'utf8')));
  const parsed = videoSpecSchema.parse(spec);
  const out: Record<string, string> = {};
  for (const locale of ['en-US', 'de-DE', 'ar-EG', 'ja-JP']) {
    const key = requestKey(clipRequestsFor(localizeSpec(parsed, locale).spec)[0]!);
    const entry = Object.values(manifest.clips).find((c) => c.requestKey === key);
    if (!entry) continue;
    const audio = (await ffprobe(path.join(root, 'public', entry.file))).streams.find((s) => s.codec_type === 'audio');
    out[locale] = audio?.tags?.title ?? audio?.tags?.TITLE ?? '';
  }
  return out;
}

describe('clips per locale', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => cleanup?.());

  it("each locale's clip is spoken by an eSpeak NG voice of its language; adding a language or editing one script makes only those clips", async () => {
    const project = await tempProject([SPEC]);
    cleanup = project.cleanup;
    const run = (locales: string) => runPrebuild({ root: project.root, specFiles: project.files, locales: parseLocaleSelection({ locales }), connect: connectFreshEmulator() });

    const dry = await runPrebuild({ root: project.root, specFiles: project.files, locales: parseLocaleSelection({ locales: 'all' }), dryRun: true, connect: connectFreshEmulator() });
    expect(Object.keys(dry.perLocale)).toEqual(['en-US', 'de-DE', 'ar-EG', 'ja-JP']);
    expect(Object.values(dry.perLocale).map((r) => r.clips)).toEqual([1, 1, 1, 1]);

    const first = await run('en-US,de-DE');
    expect([first.generated, first.failed]).toEqual([2, []]);
    const added = await run('all');
    expect([added.generated, added.ready]).toEqual([2, 4]);
    expect(added.plan.clips.filter((c) => !c.cached).map((c) => c.usedBy[0]!.locale).sort()).toEqual(['ar-EG', 'ja-JP']);

    const voices = await spokenVoices(project.root, SPEC);
    expect(voices['en-US']).toMatch(/^espeak-ng en-(us|gb)/);
    expect(voices['de-DE']).toMatch(/^espeak-ng de\+/);
    expect(voices['ar-EG']).toMatch(/^espeak-ng ar\+/);
    expect(voices['ja-JP']).toMatch(/^espeak-ng ja\+/);

    const edited = structuredClone(SPEC) as VideoSpecInput & { locales: Record<string, { text: Record<string, string> }> };
    edited.locales['de-DE']!.text['$.scenes[0].script'] = 'Der Umsatz stieg deutlich.';
    await writeFile(path.join(project.root, project.files[0]!), JSON.stringify(edited));
    const again = await run('all');
    expect(again.generated).toBe(1);
    expect(again.plan.clips.filter((c) => !c.cached).map((c) => c.usedBy[0]!.locale)).toEqual(['de-DE']);
  });
});
