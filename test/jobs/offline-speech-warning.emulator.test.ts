import { afterEach, describe, expect, it } from 'vitest';
import { runPrebuild, type PrebuildEvent } from '../../src/jobs/run-prebuild';
import { createPrebuildReporter } from '../../src/jobs/prebuild-reporter';
import type { VideoSpecInput } from '../../src/spec/video-spec';
import { connectFreshEmulator } from '../helpers/connect-emulator';
import { tempProject } from '../helpers/project';
import { ENGLISH_SOURCE, voice } from '../helpers/locale-voices';

// Scene 1 has kanji (売上, 伸); scene 2 is kana only; the en-US source has none.
const SPEC: VideoSpecInput = {
  id: 'ja',
  ...ENGLISH_SOURCE,
  scenes: [
    { title: 'Sales', script: 'Sales went up.' },
    { title: 'Thanks', script: 'Thank you.' },
  ],
  locales: {
    'ja-JP': { voice: { id: voice('Japanese') }, text: { '$.scenes[0].title': '売上', '$.scenes[0].script': '売上が 伸びました。', '$.scenes[1].title': 'ありがとう', '$.scenes[1].script': 'ありがとう ございました。' } },
  },
};

describe('offline Japanese speech: kanji the placeholder voice cannot read', () => {
  let project: Awaited<ReturnType<typeof tempProject>> | undefined;
  afterEach(() => project?.cleanup());

  it('the prebuild on the emulator warns once, naming the scene and its kanji; kana-only scenes and other languages are not named', async () => {
    project = await tempProject([SPEC]);
    const events: PrebuildEvent[] = [];
    const printed: string[] = [];
    const reporter = createPrebuildReporter({ stream: { write: (s: string) => printed.push(s), isTTY: false } as unknown as NodeJS.WriteStream });
    await runPrebuild({
      root: project.root,
      specFiles: project.files,
      locales: { kind: 'all' },
      dryRun: true,
      connect: connectFreshEmulator(),
      onEvent: (e) => {
        events.push(e);
        reporter.onEvent(e);
      },
    });
    const warnings = events.filter((e) => e.type === 'warning');
    expect(warnings).toHaveLength(1);
    const message = warnings[0]!.type === 'warning' ? warnings[0]!.message : '';
    expect(message).toMatch(/eSpeak NG\) reads Japanese kana but not kanji/);
    expect(message).toMatch(/ja-JP scene 1: 売上伸$/m);
    expect(message).not.toMatch(/scene 2/);
    expect(message).toMatch(/Write these scripts in kana .* with a HeyGen key the real voice reads kanji/);
    expect(printed.join('')).toContain('ja-JP scene 1: 売上伸');
  });

  it('a Japanese spec written in kana gets no warning', async () => {
    const kana = structuredClone(SPEC);
    kana.locales!['ja-JP']!.text!['$.scenes[0].script'] = 'うりあげが のびました。';
    project = await tempProject([kana]);
    const events: PrebuildEvent[] = [];
    await runPrebuild({ root: project.root, specFiles: project.files, locales: { kind: 'all' }, dryRun: true, connect: connectFreshEmulator(), onEvent: (e) => events.push(e) });
    expect(events.some((e) => e.type === 'plan')).toBe(true);
    expect(events.filter((e) => e.type === 'warning')).toEqual([]);
  });
});
