import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adtsSampleRate, alignRemotionAac } from '../../src/render/align-remotion-aac';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hr-aac-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first bytes of an ADTS file: sync word, AAC LC, the given sampling-frequency index. */
function adts(name: string, rateIndex: number): string {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from([0xff, 0xf1, (1 << 6) | (rateIndex << 2), 0x80, 0x2e, 0x7f, 0xfc]));
  return file;
}

// The stitcher command Remotion 4.0.527 builds for an H.264 render with parallel encoding and audio.
const stitcher = (audio: string) => ['-i', '/tmp/pre-encoded.mp4', '-i', audio, '-c:a', 'copy', '-c:v', 'copy', '-map_metadata', '-1', '-y', '/tmp/out.mp4'];

describe('alignRemotionAac', () => {
  it('reads the sample rate of an ADTS file, and null for anything else', () => {
    expect(adtsSampleRate(adts('a48.aac', 3))).toBe(48000);
    expect(adtsSampleRate(adts('a44.aac', 4))).toBe(44100);
    const wav = path.join(dir, 'x.aac');
    writeFileSync(wav, 'RIFF....WAVE');
    expect(adtsSampleRate(wav)).toBeNull();
    expect(adtsSampleRate(path.join(dir, 'missing.aac'))).toBeNull();
  });

  it("starts the stitcher's copied AAC input 2048 samples early at its own rate", () => {
    const a48 = adts('s48.aac', 3);
    expect(alignRemotionAac({ type: 'stitcher', args: stitcher(a48) })).toEqual(['-i', '/tmp/pre-encoded.mp4', '-itsoffset', '-0.042667', '-i', a48, '-c:a', 'copy', '-c:v', 'copy', '-map_metadata', '-1', '-y', '/tmp/out.mp4']);
    const a44 = adts('s44.aac', 4);
    expect(alignRemotionAac({ type: 'stitcher', args: stitcher(a44) })).toContain('-0.046440');
  });

  it('leaves every other command as it is', () => {
    const a48 = adts('o48.aac', 3);
    expect(alignRemotionAac({ type: 'pre-stitcher', args: stitcher(a48) })).toEqual(stitcher(a48));
    const silent = ['-i', '/tmp/pre-encoded.mp4', '-an', '-c:v', 'copy', '/tmp/out.mp4'];
    expect(alignRemotionAac({ type: 'stitcher', args: silent })).toEqual(silent);
    // Opus (WebM) and re-encoded audio carry their own priming info.
    const opus = ['-i', '/tmp/pre.webm', '-i', '/tmp/audio.opus', '-c:a', 'copy', '/tmp/out.webm'];
    expect(alignRemotionAac({ type: 'stitcher', args: opus })).toEqual(opus);
    const notAdts = path.join(dir, 'fake.aac');
    writeFileSync(notAdts, 'not adts');
    expect(alignRemotionAac({ type: 'stitcher', args: stitcher(notAdts) })).toEqual(stitcher(notAdts));
  });
});
