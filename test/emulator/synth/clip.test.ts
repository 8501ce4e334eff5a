import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffprobe } from '../../../src/media/ffmpeg';
import { synthesizeClip, synthesizeSpeech, type ClipResult } from '../../../src/emulator/synth';
import { decodeFrames } from '../../../src/emulator/synth/decode-frames';

/** Matroska DURATION tags read `HH:MM:SS.nnnnnnnnn`. */
function tagSeconds(tag: string | undefined): number {
  const m = /^(\d+):(\d+):([\d.]+)$/.exec(tag ?? '');
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : NaN;
}

const TEXT = 'Revenue grew by twelve percent this quarter. Costs stayed flat.';

describe('synthesizeClip', () => {
  let dir: string;
  let file: string;
  let result: ClipResult;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'synth-test-'));
    file = path.join(dir, 'clip.webm');
    result = await synthesizeClip({ width: 320, height: 180, avatarId: 'avatar-a', speech: { text: TEXT } }, file);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lasts as long as the speech, within one frame, at 25 fps and the requested size', async () => {
    const speech = await synthesizeSpeech({ text: TEXT });
    const probe = await ffprobe(file);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    expect(video?.width).toBe(320);
    expect(video?.height).toBe(180);
    expect(video?.r_frame_rate).toBe('25/1');
    expect(Math.abs(result.durationSec - speech.durationSec)).toBeLessThanOrEqual(1 / 25);
    expect(Math.abs(Number(probe.format.duration) - speech.durationSec)).toBeLessThanOrEqual(1 / 25 + 0.01);
    expect(result.frames).toBe(Math.round(result.durationSec * 25));
  });

  it('carries alpha (alpha_mode=1, transparent corners, an opaque figure) and an Opus voice', async () => {
    const probe = await ffprobe(file);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    const audio = probe.streams.find((s) => s.codec_type === 'audio');
    expect(probe.format.format_name).toContain('webm');
    expect(video?.tags?.alpha_mode).toBe('1');
    expect(audio?.codec_name).toBe('opus');
    expect(tagSeconds(audio?.tags?.DURATION)).toBeGreaterThan(result.durationSec - 0.05);
    const [frame] = await decodeFrames(file, { start: 1, count: 1 });
    expect(frame).toBeDefined();
    if (!frame) return;
    const alpha = (x: number, y: number) => frame.data[(y * frame.width + x) * 4 + 3];
    for (const [x, y] of [[0, 0], [319, 0], [0, 179], [319, 179], [10, 10], [300, 20]] as const) expect(alpha(x, y)).toBe(0);
    expect(alpha(160, 150)).toBe(255);
    let opaque = 0;
    for (let i = 3; i < frame.data.length; i += 4) if ((frame.data[i] ?? 0) > 250) opaque++;
    expect(opaque / (320 * 180)).toBeGreaterThan(0.1);
    expect(opaque / (320 * 180)).toBeLessThan(0.6);
  });
});
