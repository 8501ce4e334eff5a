import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPrebuild } from '../../src/jobs/run-prebuild';
import { loadSpec } from '../../src/project/load-spec';
import { SpecError } from '../../src/project/spec-error';
import { SHORT_SPEC, tempProject } from '../helpers/project';

let project: Awaited<ReturnType<typeof tempProject>> | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function writeSpec(json: unknown, bom = false): Promise<string> {
  project = await tempProject([]);
  await writeFile(path.join(project.root, 'videos', 'v.json'), `${bom ? '\uFEFF' : ''}${JSON.stringify(json, null, 2)}`);
  return 'videos/v.json';
}

async function problems(json: unknown): Promise<string> {
  const file = await writeSpec(json);
  const err = await loadSpec(file, project!.root).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SpecError);
  return (err as SpecError).message;
}

describe('bad specs are named: file, JSON path, what is wrong and the fix', () => {
  it('an unknown field is an error with the nearest known name, at any depth', async () => {
    const msg = await problems({ ...SHORT_SPEC, captons: false, scenes: [{ ...SHORT_SPEC.scenes[0], grafic: { type: 'bar' } }], voice: { ...SHORT_SPEC.voice, sped: 1.1 } });
    expect(msg).toContain('at $.captons: unknown field "captons"; did you mean "captions"?');
    expect(msg).toContain('at $.scenes[0].grafic: unknown field "grafic"; did you mean "graphic"?');
    expect(msg).toContain('at $.voice.sped: unknown field "sped"; did you mean "speed"?');
    const far = await problems({ ...SHORT_SPEC, scenes: [{ ...SHORT_SPEC.scenes[0], graphic: { type: 'kpi', items: [{ label: 'x', value: 1, colour: 'red' }] } }] });
    expect(far).toMatch(/at \$\.scenes\[0\]\.graphic\.items\[0\]\.colour: unknown field "colour" \(not a spec field here; known: label, value, prefix, currency, unit, delta\)/);
  });

  it('a wrong type says what was expected and what was given, not "add the required field"', async () => {
    const msg = await problems({ ...SHORT_SPEC, voice: { ...SHORT_SPEC.voice, speed: 'fast' }, captions: 'yes' });
    expect(msg).toContain('at $.voice.speed: expected a number, got "fast"');
    expect(msg).toContain('at $.captions: expected a boolean, got "yes"');
    expect(msg).not.toMatch(/add the required field/);
    expect(await problems({ ...SHORT_SPEC, voice: undefined })).toContain('at $.voice: add the required field (object)');
  });

  it('a script of only spaces is refused', async () => {
    const msg = await problems({ ...SHORT_SPEC, scenes: [{ ...SHORT_SPEC.scenes[0], script: '   \n\t ' }] });
    expect(msg).toContain('at $.scenes[0].script: is only spaces; write what the presenter says');
  });

  it('a UTF-8 byte-order mark is accepted', async () => {
    const file = await writeSpec(SHORT_SPEC, true);
    expect((await loadSpec(file, project!.root)).spec.id).toBe('short');
  });

  it('a photo that is not an image, an empty or non-audio voice file are spec errors before anything is sent', async () => {
    const file = await writeSpec({
      ...SHORT_SPEC,
      avatar: { photo: 'assets/anna.jpg' },
      scenes: [
        { title: 'One', audio: 'assets/empty.wav' },
        { title: 'Two', audio: 'assets/picture.mp3' },
      ],
    });
    const assets = path.join(project!.root, 'public', 'assets');
    await mkdir(assets);
    await writeFile(path.join(assets, 'anna.jpg'), 'not a photo, a note\n');
    await writeFile(path.join(assets, 'empty.wav'), '');
    await writeFile(path.join(assets, 'picture.mp3'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const connect = () => Promise.reject(new Error('nothing may be sent for a bad spec'));
    const err = await runPrebuild({ root: project!.root, specFiles: [file], connect }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    const msg = (err as SpecError).message;
    expect(msg).toContain('at $.avatar.photo: "assets/anna.jpg" is text, not a PNG or JPEG photo; save the photo as .png or .jpg');
    expect(msg).toContain('at $.scenes[0].audio: "assets/empty.wav" is empty (0 bytes); it should be a WAV or MP3 recording');
    expect(msg).toContain('at $.scenes[1].audio: "assets/picture.mp3" is a PNG file, not a WAV or MP3 recording; export the recording as .wav or .mp3');
  });
});
