import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath, ffprobe, runBinary } from '../../../src/media/ffmpeg';
import { decodeFrames, synthesizeClip, synthesizeSpeech, type ClipRequest, type ClipResult } from '../../../src/emulator/synth';
import { figureLayout, mouthRect } from '../../../src/emulator/synth/figure';
import { frameRms } from '../../../src/emulator/synth/loudness';
import { lookFor } from '../../../src/emulator/synth/look';
import { parseWav } from '../../../src/emulator/synth/wav';
import type { RgbaImage } from '../../../src/emulator/synth/png';

/** Matroska DURATION tags read `HH:MM:SS.nnnnnnnnn`. */
function tagSeconds(tag: string | undefined): number {
  const m = /^(\d+):(\d+):([\d.]+)$/.exec(tag ?? '');
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : NaN;
}

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] ?? 0) - ma;
    const db = (b[i] ?? 0) - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return cov / Math.sqrt(va * vb);
}

const alphaAt = (f: RgbaImage, x: number, y: number) => f.data[(y * f.width + x) * 4 + 3] ?? -1;

const TEXT = 'Revenue grew by twelve percent this quarter. Costs stayed flat, and margins improved.';
const W = 320;
const H = 180;

describe('synthesizeClip', () => {
  let dir: string;
  let file: string;
  let result: ClipResult;
  const clip = async (name: string, req: ClipRequest) => {
    const out = path.join(dir, name);
    return { out, result: await synthesizeClip(req, out) };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'synth-test-'));
    ({ out: file, result } = await clip('clip.webm', { width: W, height: H, avatarId: 'avatar-a', speech: { text: TEXT } }));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lasts as long as the speech, within one frame, at 25 fps and the requested size', async () => {
    const speech = await synthesizeSpeech({ text: TEXT });
    const probe = await ffprobe(file);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    expect(video?.codec_name).toBe('vp9');
    expect(video?.width).toBe(W);
    expect(video?.height).toBe(H);
    expect(video?.r_frame_rate).toBe('25/1');
    expect(result.durationSec - speech.durationSec).toBeGreaterThanOrEqual(0);
    expect(result.durationSec - speech.durationSec).toBeLessThan(1 / 25);
    expect(Math.abs(Number(probe.format.duration) - speech.durationSec)).toBeLessThan(1 / 25 + 0.01);
    expect(result.frames).toBe(Math.round(result.durationSec * 25));
    expect(await decodeFrames(file)).toHaveLength(result.frames);
    expect(result.words).toEqual(speech.words);
  });

  it('carries alpha (alpha_mode=1, transparent background, an opaque figure) and the voice as Opus', async () => {
    const probe = await ffprobe(file);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    const audio = probe.streams.find((s) => s.codec_type === 'audio');
    expect(probe.format.format_name).toContain('webm');
    expect(video?.tags?.alpha_mode).toBe('1');
    expect(audio?.codec_name).toBe('opus');
    expect(Math.abs(tagSeconds(audio?.tags?.DURATION) - result.durationSec)).toBeLessThan(0.03);
    const frames = await decodeFrames(file);
    for (const f of [frames[0], frames[Math.floor(frames.length / 2)], frames[frames.length - 1]]) {
      if (!f) throw new Error('missing frame');
      // Corners and the band above the head are exactly transparent; the chest is fully opaque.
      for (const [x, y] of [[0, 0], [W - 1, 0], [0, H - 1], [W - 1, H - 1]] as const) expect(alphaAt(f, x, y)).toBe(0);
      for (let x = 0; x < W; x += 4) expect(alphaAt(f, x, 2)).toBe(0);
      for (let y = 0; y < H; y += 4) expect(alphaAt(f, 4, y)).toBe(0);
      expect(alphaAt(f, W / 2, H - 10)).toBe(255);
      let opaque = 0;
      for (let i = 3; i < f.data.length; i += 4) if ((f.data[i] ?? 0) === 255) opaque++;
      expect(opaque / (W * H)).toBeGreaterThan(0.15);
      expect(opaque / (W * H)).toBeLessThan(0.6);
    }
    // Beyond the codec's ringing reach (32 px) from anything visible, alpha is exactly 0 in every frame.
    for (const f of frames) {
      // Separable Chebyshev dilation of the visible pixels by 32 px: rows first, then columns.
      const rows = new Uint8Array(W * H);
      for (let y = 0; y < H; y++) {
        let last = -1e9;
        for (let x = 0; x < W; x++) {
          if (alphaAt(f, x, y) >= 128) last = x;
          if (x - last <= 32) rows[y * W + x] = 1;
        }
        last = 1e9;
        for (let x = W - 1; x >= 0; x--) {
          if (alphaAt(f, x, y) >= 128) last = x;
          if (last - x <= 32) rows[y * W + x] = 1;
        }
      }
      let stray = 0;
      for (let x = 0; x < W; x++) {
        const near = new Uint8Array(H);
        let last = -1e9;
        for (let y = 0; y < H; y++) {
          if (rows[y * W + x]) last = y;
          if (y - last <= 32) near[y] = 1;
        }
        last = 1e9;
        for (let y = H - 1; y >= 0; y--) {
          if (rows[y * W + x]) last = y;
          if (last - y <= 32) near[y] = 1;
          if (!near[y] && alphaAt(f, x, y) !== 0) stray++;
        }
      }
      expect(stray).toBe(0);
    }
    // An alpha-aware decode really yields partial transparency at the figure's edges too.
    const edges = frames[0]?.data.filter((v, i) => i % 4 === 3 && v > 0 && v < 255).length ?? 0;
    expect(edges).toBeGreaterThan(50);
  });

  it('opens the mouth with the loudness of the speech (per-frame correlation > 0.5)', async () => {
    const speech = await synthesizeSpeech({ text: TEXT });
    const pcm = parseWav(speech.wav);
    const rms = Array.from(frameRms(pcm.samples, pcm.sampleRate, 25, result.frames));
    const m = mouthRect(figureLayout(W, H), W, H);
    // Grow by the head's largest sway so the mouth stays inside the measured box.
    const box = { x0: m.x - 8, y0: m.y - 8, x1: m.x + m.width + 8, y1: m.y + m.height + 8 };
    const dark = (await decodeFrames(file)).map((f) => {
      let n = 0;
      for (let y = box.y0; y < box.y1; y++) {
        for (let x = box.x0; x < box.x1; x++) {
          const p = (y * f.width + x) * 4;
          const luma = 0.2126 * (f.data[p] ?? 0) + 0.7152 * (f.data[p + 1] ?? 0) + 0.0722 * (f.data[p + 2] ?? 0);
          if ((f.data[p + 3] ?? 0) > 200 && luma < 70) n++;
        }
      }
      return n;
    });
    expect(Math.max(...dark)).toBeGreaterThan(3 * Math.max(1, Math.min(...dark)));
    expect(pearson(dark, rms)).toBeGreaterThan(0.5);
  });

  it('returns an SRT built from the word timings', () => {
    expect(result.srt.startsWith('1\n00:00:00,')).toBe(true);
    expect(result.srt).toContain('Revenue grew by twelve percent this quarter.');
    expect(result.srt.split('\n\n').length).toBeGreaterThanOrEqual(2);
  });

  it('gives identical bytes for identical input, and different bytes for another avatar', async () => {
    const again = await clip('again.webm', { width: W, height: H, avatarId: 'avatar-a', speech: { text: TEXT } });
    const sha = async (f: string) => createHash('sha256').update(await readFile(f)).digest('hex');
    expect(await sha(again.out)).toBe(await sha(file));
    expect(again.result).toMatchObject({ frames: result.frames, words: result.words, srt: result.srt });
  });

  it('draws distinct looks for distinct avatar ids', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `look-${i}`);
    expect(new Set(ids.map((id) => JSON.stringify(lookFor(id)))).size).toBe(ids.length);
    expect(new Set(ids.map((id) => lookFor(id).hairStyle)).size).toBeGreaterThanOrEqual(3);
    const b = await clip('b.webm', { width: W, height: H, avatarId: 'avatar-b', speech: { text: 'Hello.' } });
    const a = await clip('a.webm', { width: W, height: H, avatarId: 'avatar-a', speech: { text: 'Hello.' } });
    const [fa] = await decodeFrames(a.out, { count: 1 });
    const [fb] = await decodeFrames(b.out, { count: 1 });
    if (!fa || !fb) throw new Error('no frames');
    let diff = 0;
    let n = 0;
    for (let p = 0; p < fa.data.length; p += 4) {
      if ((fa.data[p + 3] ?? 0) < 255 || (fb.data[p + 3] ?? 0) < 255) continue;
      diff += Math.abs((fa.data[p] ?? 0) - (fb.data[p] ?? 0)) + Math.abs((fa.data[p + 1] ?? 0) - (fb.data[p + 1] ?? 0)) + Math.abs((fa.data[p + 2] ?? 0) - (fb.data[p + 2] ?? 0));
      n++;
    }
    expect(n).toBeGreaterThan(1000);
    expect(diff / n).toBeGreaterThan(30);
  });

  it('lengthens by ~1 s for a <break time="1s"/> and shortens at speed 1.5', async () => {
    const text = 'Here is the first point. Here is the second point.';
    const base = await clip('base.webm', { width: W, height: H, speech: { text } });
    const paused = await clip('paused.webm', { width: W, height: H, speech: { text: text.replace('. ', '. <break time="1s"/> ') } });
    const fast = await clip('fast.webm', { width: W, height: H, speech: { text, speed: 1.5 } });
    expect(paused.result.durationSec - base.result.durationSec).toBeGreaterThan(0.85);
    expect(paused.result.durationSec - base.result.durationSec).toBeLessThan(1.15);
    expect(fast.result.durationSec).toBeLessThan(base.result.durationSec * 0.8);
    const probe = await ffprobe(paused.out);
    expect(Math.abs(Number(probe.format.duration) - paused.result.durationSec)).toBeLessThan(0.05);
  });

  it('lip-syncs supplied audio (WAV or MP3) and honours fps and portrait sizes', async () => {
    const speech = await synthesizeSpeech({ text: 'Audio supplied by the caller.' });
    const mp3 = (await runBinary(ffmpegPath(), ['-v', 'error', '-i', 'pipe:0', '-c:a', 'libmp3lame', '-b:a', '64k', '-f', 'mp3', 'pipe:1'], speech.wav)).stdout;
    const fromWav = await clip('wav.webm', { width: 180, height: 320, fps: 30, speech: { audio: speech.wav } });
    const fromMp3 = await clip('mp3.webm', { width: W, height: H, speech: { audio: mp3 } });
    expect(fromWav.result.frames).toBe(Math.ceil(speech.durationSec * 30 - 1e-6));
    expect(fromWav.result.words).toEqual([]);
    expect(Math.abs(fromMp3.result.durationSec - speech.durationSec)).toBeLessThan(0.1);
    const probe = await ffprobe(fromWav.out);
    expect(probe.streams.find((s) => s.codec_type === 'video')?.r_frame_rate).toBe('30/1');
    const [f] = await decodeFrames(fromWav.out, { count: 1 });
    if (!f) throw new Error('no frame');
    expect([f.width, f.height]).toEqual([180, 320]);
    expect([alphaAt(f, 0, 0), alphaAt(f, 179, 0), alphaAt(f, 90, 5)]).toEqual([0, 0, 0]);
    expect(alphaAt(f, 90, 310)).toBe(255);
  });

  it('animates a photo avatar inside a soft oval on a transparent background', async () => {
    const c = createCanvas(300, 400);
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#4a6d8c';
    ctx.fillRect(0, 0, 300, 400);
    ctx.fillStyle = '#e8b894';
    ctx.beginPath();
    ctx.ellipse(150, 170, 80, 105, 0, 0, Math.PI * 2);
    ctx.fill();
    const photo = await c.encode('jpeg', 90);
    const r = await clip('photo.webm', { width: W, height: H, photo, speech: { text: 'A photo avatar, slowly moving while it talks.' } });
    const frames = await decodeFrames(r.out);
    const first = frames[0];
    const later = frames[frames.length - 1];
    if (!first || !later) throw new Error('no frames');
    for (const f of [first, later]) {
      expect([alphaAt(f, 0, 0), alphaAt(f, W - 1, 0), alphaAt(f, 0, H - 1), alphaAt(f, W - 1, H - 1)]).toEqual([0, 0, 0, 0]);
      expect(alphaAt(f, W / 2, H / 2)).toBe(255);
    }
    // Soft edge: between the opaque centre and the transparent corner, alpha passes through intermediate values.
    const row = Array.from({ length: W / 2 }, (_, x) => alphaAt(first, x, H / 2));
    expect(row.some((a) => a > 20 && a < 235)).toBe(true);
    let moved = 0;
    for (let p = 0; p < first.data.length; p++) moved += Math.abs((first.data[p] ?? 0) - (later.data[p] ?? 0));
    expect(moved / first.data.length).toBeGreaterThan(1);
  });

  it('rejects sizes HeyGen would not produce', async () => {
    await expect(synthesizeClip({ width: 321, height: 180, speech: { text: 'x' } }, path.join(dir, 'bad.webm'))).rejects.toThrow(/even/);
  });
});
