import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lambdaCredentialsProblem } from '../../src/render/lambda/aws-credentials';
import { LambdaSetupError, renderOnLambda } from '../../src/render/lambda/render-on-lambda';
import { stagePublicDir } from '../../src/render/lambda/stage-public-dir';
import { planChunks } from '../../src/render/render-chunks';
import { CODECS, parseRenderFlags } from '../../src/render/render-options';
import type { PreparedRender } from '../../src/render/render-spec';
import { renderSettings } from '../../src/render/render-settings';
import { videoSpecSchema } from '../../src/spec/video-spec';
import { SHORT_SPEC } from '../helpers/project';

describe('render flags', () => {
  it('pairs each codec with its audio codec and container', () => {
    expect(parseRenderFlags({ codec: 'vp9' }).codec).toEqual({ codec: 'vp9', audioCodec: 'opus', extension: 'webm', imageFormat: 'jpeg' });
    expect(parseRenderFlags({ codec: 'prores' }).codec.audioCodec).toBe('pcm-16');
    expect(parseRenderFlags({}).codec).toBe(CODECS.h264);
  });

  it('names the flag and what it accepts when a value is wrong', () => {
    expect(() => parseRenderFlags({ codec: 'av1' })).toThrow(/--codec "av1" is not valid: use one of h264, h265, vp8, vp9, prores/);
    expect(() => parseRenderFlags({ preset: 'cinema' })).toThrow(/--preset "cinema" is not valid: use one of landscape-1080p/);
    expect(() => parseRenderFlags({ crf: '99' })).toThrow(/--crf "99" .* from 0 to 51/);
    expect(() => parseRenderFlags({ chunks: '1.5' })).toThrow(/--chunks "1.5" .* whole number/);
    expect(() => parseRenderFlags({ codec: 'prores', crf: '10' })).toThrow(/does not apply to prores/);
    expect(() => parseRenderFlags({ 'image-format': 'gif' })).toThrow(/--image-format "gif" is not valid: use one of jpeg, png/);
    expect(() => parseRenderFlags({ 'jpeg-quality': '0' })).toThrow(/--jpeg-quality "0" is not valid: use a whole number from 1 to 100/);
    expect(() => parseRenderFlags({ presenter: 'html5' })).toThrow(/--presenter "html5" is not valid: use one of media, offthread/);
    expect(parseRenderFlags({ 'image-format': 'png', 'jpeg-quality': '90', presenter: 'offthread' })).toMatchObject({ imageFormat: 'png', jpegQuality: 90, presenterPlayer: 'offthread' });
    expect(parseRenderFlags({ 'x264-preset': 'medium' })).toMatchObject({ x264Preset: 'medium' });
    expect(() => parseRenderFlags({ 'x264-preset': 'quick' })).toThrow(/--x264-preset "quick"/);
    expect(parseRenderFlags({ preset: 'portrait-720p', scale: '0.5', chunks: '3' })).toMatchObject({ preset: 'portrait-720p', scale: 0.5, chunks: 3 });
    expect(parseRenderFlags({ chunks: 'auto' })).toMatchObject({ chunks: 'auto' });
  });

  it('plans equal chunks with a shorter last one, never under 5 frames', () => {
    expect(planChunks(100, 3)).toEqual({ framesPerChunk: 34, ranges: [[0, 33], [34, 67], [68, 99]] });
    expect(planChunks(8, 4)).toEqual({ framesPerChunk: 5, ranges: [[0, 4], [5, 7]] });
    expect(planChunks(30, 1).ranges).toEqual([[0, 29]]);
  });
});

describe('--on lambda', () => {
  it('says which credentials to set when none are', () => {
    expect(lambdaCredentialsProblem({})).toMatch(/REMOTION_AWS_ACCESS_KEY_ID and REMOTION_AWS_SECRET_ACCESS_KEY/);
    expect(lambdaCredentialsProblem({ AWS_ACCESS_KEY_ID: 'a' })).toMatch(/without its secret/);
    expect(lambdaCredentialsProblem({ AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' })).toBeNull();
    expect(lambdaCredentialsProblem({ REMOTION_AWS_PROFILE: 'render' })).toBeNull();
  });

  it('fails before any network call without credentials', async () => {
    const names = ['AWS_PROFILE', 'REMOTION_AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'REMOTION_AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'REMOTION_AWS_SECRET_ACCESS_KEY'];
    const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
    for (const n of names) delete process.env[n];
    try {
      const prepared = { spec: videoSpecSchema.parse(SHORT_SPEC), compositionId: 'Explainer', inputProps: {}, timeline: { scenes: [], durationInFrames: 1, missingClips: 0 } } satisfies PreparedRender;
      await expect(renderOnLambda({ root: '/nonexistent', codeRoot: '/nonexistent', prepared, outFile: '/nonexistent/x.mp4', settings: renderSettings() })).rejects.toThrow(LambdaSetupError);
    } finally {
      for (const n of names) if (saved[n] !== undefined) process.env[n] = saved[n];
    }
  });

  it('stages only the clips, subtitles and media the video uses, under their public paths', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hr-stage-'));
    try {
      const pub = path.join(dir, 'public');
      await mkdir(path.join(pub, 'clips'), { recursive: true });
      await mkdir(path.join(pub, 'assets'), { recursive: true });
      for (const f of ['clips/a.webm', 'clips/a.srt', 'clips/unused.webm', 'assets/logo.png']) await writeFile(path.join(pub, f), f);
      const spec = videoSpecSchema.parse({ ...SHORT_SPEC, theme: { logo: 'assets/logo.png' } });
      const entry = { requestKey: 'r', generation: 'v3', backend: 'emulator', videoId: 'v', file: 'clips/a.webm', subtitles: 'clips/a.srt', durationSec: 1, fps: 25, width: 720, height: 720, sizeBytes: 1, createdAt: 'now' } as const;
      const into = path.join(dir, 'staged');
      await stagePublicDir({ publicDir: pub, into, specs: [spec], manifest: { version: 1, clips: { a: entry } } });
      expect((await readdir(path.join(into, 'clips'))).sort()).toEqual(['a.srt', 'a.webm', 'manifest.json']);
      expect(await readdir(path.join(into, 'assets'))).toEqual(['logo.png']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
