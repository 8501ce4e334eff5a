import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import example from '../../videos/example.json';
import { loadSpec } from '../../src/project/load-spec';
import { SpecError } from '../../src/project/spec-error';
import { clipKey, clipRequestsFor, requestKey } from '../../src/spec/clip-request';
import { dimensionsOf, formatPreset, presenterClipFormat } from '../../src/spec/formats';
import { buildTimeline, estimateSpeechSec } from '../../src/spec/timeline';
import { videoSpecSchema } from '../../src/spec/video-spec';

async function specFile(content: string): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'spec-'));
  await writeFile(path.join(dir, 'bad.json'), content);
  return { dir, file: 'bad.json' };
}

describe('video spec', () => {
  it('accepts the shipped example and fills defaults', () => {
    const spec = videoSpecSchema.parse(example);
    expect(spec.scenes).toHaveLength(2);
    expect(spec.format).toBe('landscape-1080p');
  });

  it('names the file, the JSON path and the fix for a bad field', async () => {
    const bad = structuredClone(example) as Record<string, unknown> & { scenes: Record<string, unknown>[] };
    bad.scenes[1]!.script = '';
    bad.format = 'widescreen';
    const { dir, file } = await specFile(JSON.stringify(bad));
    const err = await loadSpec(file, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    const msg = (err as SpecError).message;
    expect(msg).toContain('bad.json');
    expect(msg).toContain('$.scenes[1].script: must be at least 1 characters');
    expect(msg).toMatch(/\$\.format: use one of "landscape-1080p"/);
  });

  it('points at the line and column of broken JSON', async () => {
    const { dir, file } = await specFile('{\n  "id": "x",\n  "scenes": [,]\n}');
    const err = (await loadSpec(file, dir).catch((e: unknown) => e)) as SpecError;
    expect(err.message).toMatch(/bad\.json[\s\S]*not valid JSON at line 3/);
  });

  it('says which required field is missing', async () => {
    const { avatar: _avatar, ...noAvatar } = example;
    const { dir, file } = await specFile(JSON.stringify(noAvatar));
    const err = (await loadSpec(file, dir).catch((e: unknown) => e)) as SpecError;
    expect(err.message).toContain('$.avatar: add the required field (object)');
  });
});

describe('clip keys', () => {
  const spec = videoSpecSchema.parse(example);

  it('are stable for the same content and differ when a script changes', () => {
    const [a, b] = clipRequestsFor(spec);
    expect(clipKey(a!, 'v3', 'emulator')).toBe(clipKey({ ...a! }, 'v3', 'emulator'));
    expect(clipKey(a!, 'v3', 'emulator')).not.toBe(clipKey(b!, 'v3', 'emulator'));
    const edited = clipRequestsFor({ ...spec, scenes: [{ ...spec.scenes[0]!, script: 'Something else.' }, spec.scenes[1]!] });
    expect(requestKey(edited[0]!)).not.toBe(requestKey(a!));
    expect(requestKey(edited[1]!)).toBe(requestKey(b!));
  });

  it('separate emulator placeholders and generations from paid HeyGen clips', () => {
    const [a] = clipRequestsFor(spec);
    const keys = new Set([clipKey(a!, 'v3', 'emulator'), clipKey(a!, 'v3', 'heygen'), clipKey(a!, 'legacy', 'heygen')]);
    expect(keys.size).toBe(3);
  });
});

describe('formats and timeline', () => {
  it('follows HeyGen resolution × aspect ratio', () => {
    expect(dimensionsOf('1080p', '16:9')).toEqual({ width: 1920, height: 1080 });
    expect(dimensionsOf('720p', '9:16')).toEqual({ width: 720, height: 1280 });
    expect(dimensionsOf('1080p', '4:5')).toEqual({ width: 1080, height: 1350 });
    expect(formatPreset('square-720p')).toMatchObject({ width: 720, height: 720, fps: 30 });
    expect(presenterClipFormat('landscape-1080p')).toEqual({ aspect: '1:1', resolution: '720p', width: 720, height: 720 });
  });

  it('estimates speech at 150 words a minute plus pauses', () => {
    expect(estimateSpeechSec('one two three four five')).toBeCloseTo(2, 5);
    expect(estimateSpeechSec('one two three four five <break time="1.5s"/> six')).toBeCloseTo(2.4 + 1.5, 5);
  });

  it('takes scene lengths from the manifest when the clips exist', () => {
    const spec = videoSpecSchema.parse(example);
    const reqs = clipRequestsFor(spec);
    const manifest = {
      version: 1 as const,
      clips: Object.fromEntries(
        reqs.map((r, i) => [
          clipKey(r, 'v3', 'emulator'),
          { requestKey: requestKey(r), generation: 'v3' as const, backend: 'emulator' as const, videoId: `v${i}`, file: `clips/${i}.webm`, durationSec: 3 + i, fps: 25, width: 720, height: 720, sizeBytes: 1, createdAt: '2026-01-01' },
        ]),
      ),
    };
    const t = buildTimeline(spec, manifest, 30);
    expect(t.missingClips).toBe(0);
    expect(t.scenes.map((s) => s.durationInFrames)).toEqual([Math.ceil(3.5 * 30), Math.ceil(4.5 * 30)]);
    expect(t.durationInFrames).toBe(105 + 135);
    expect(buildTimeline(spec, null, 30).missingClips).toBe(2);
  });
});

describe('JSON Schema for editors', () => {
  it('is committed and current (run `npm run schema` after changing the spec)', async () => {
    const { readFile } = await import('node:fs/promises');
    const { videoSpecJsonSchema } = await import('../../src/spec/json-schema');
    const committed = JSON.parse(await readFile('videos/video-spec.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(videoSpecJsonSchema())));
    expect(example.$schema).toBe('./video-spec.schema.json');
  });
});
