import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ImageData, createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath, runBinary } from '../../../src/media/ffmpeg';
import { decodeFrames, frameMarkerRect, readFrameMarker, synthesizeClip, type ClipResult } from '../../../src/emulator/synth';
import { stampFrameMarker } from '../../../src/emulator/synth/frame-marker';
import { createYuva, type Yuva } from '../../../src/emulator/synth/yuva';

/** Luma-only YUVA → RGBA, enough for the grey marker cells. */
function yuvaToRgba(f: Yuva): Uint8Array {
  const out = new Uint8Array(f.width * f.height * 4);
  for (let i = 0; i < f.width * f.height; i++) {
    const v = Math.max(0, Math.min(255, Math.round(((f.y[i] ?? 16) - 16) * (255 / 219))));
    out.set([v, v, v, f.a[i] ?? 0], i * 4);
  }
  return out;
}

/** Re-encodes pixels as a JPEG (quality 0–100) and decodes them again, as a compressed render would. */
async function viaJpeg(rgba: Uint8Array, width: number, height: number, quality: number): Promise<Uint8ClampedArray> {
  const c = createCanvas(width, height);
  const ctx = c.getContext('2d');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  const img = await loadImage(await c.encode('jpeg', quality));
  const d = createCanvas(width, height).getContext('2d');
  d.drawImage(img, 0, 0);
  return d.getImageData(0, 0, width, height).data;
}

describe('frame marker geometry and codes', () => {
  it('round-trips indices through stamping and reading, including the wrap at 2^16', () => {
    for (const [w, h] of [[128, 128], [320, 180], [1920, 1080], [1080, 1920]] as const) {
      const r = frameMarkerRect(w, h);
      expect(r.cell).toBeGreaterThanOrEqual(8);
      expect(r.x + r.width).toBeLessThanOrEqual(w);
      expect(r.y + r.height).toBeLessThanOrEqual(h);
      for (const i of [0, 1, 2, 255, 256, 1000, 65535]) {
        const f = createYuva(w, h);
        stampFrameMarker(f, i);
        expect(readFrameMarker(yuvaToRgba(f), w, h)).toBe(i);
      }
    }
    const f = createYuva(320, 180);
    stampFrameMarker(f, 65536 + 7);
    expect(readFrameMarker(yuvaToRgba(f), 320, 180)).toBe(7);
  });

  it('reads nothing where there is no marker', () => {
    expect(readFrameMarker(new Uint8Array(320 * 180 * 4), 320, 180)).toBeNull();
    expect(readFrameMarker(new Uint8Array(320 * 180 * 4).fill(255), 320, 180)).toBeNull();
  });
});

describe('frameMarker in a clip', () => {
  const W = 640;
  const H = 360;
  let dir: string;
  let file: string;
  let result: ClipResult;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'synth-marker-'));
    file = path.join(dir, 'marked.webm');
    result = await synthesizeClip({ width: W, height: H, avatarId: 'marker', frameMarker: true, speech: { text: 'Every frame carries its own number.' } }, file);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('decodes every frame index from the decoded clip', async () => {
    const frames = await decodeFrames(file);
    expect(frames).toHaveLength(result.frames);
    expect(frames.map((f) => readFrameMarker(f.data, f.width, f.height))).toEqual(frames.map((_, i) => i));
  });

  it('survives a 1/4 downscale inside a larger JPEG-compressed composition', async () => {
    const small = await decodeFrames(file, { scaleTo: { width: W / 4, height: H / 4 } });
    const CW = 480;
    const CH = 270;
    const at = { x: 301, y: 97 };
    const s = 1 / 4;
    const m = frameMarkerRect(W, H);
    // The compositor maps the clip-space rect through its own placement (scale, then offset).
    const rect = { x: at.x + m.x * s, y: at.y + m.y * s, width: m.width * s, height: m.height * s };
    for (const [i, f] of small.entries()) {
      if (i % 7 !== 0) continue;
      const comp = createCanvas(CW, CH);
      const ctx = comp.getContext('2d');
      const g = ctx.createLinearGradient(0, 0, CW, CH);
      g.addColorStop(0, '#203a60');
      g.addColorStop(1, '#e0c040');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, CW, CH);
      const layer = createCanvas(f.width, f.height);
      layer.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(f.data), f.width, f.height), 0, 0);
      ctx.drawImage(layer, at.x, at.y);
      const pixels = await viaJpeg(new Uint8Array(ctx.getImageData(0, 0, CW, CH).data), CW, CH, 60);
      expect(readFrameMarker(pixels, CW, CH, rect)).toBe(i);
    }
  });

  it('survives a 1/4 downscale and H.264 encoding', async () => {
    const mp4 = path.join(dir, 'small.mp4');
    await runBinary(ffmpegPath(), ['-v', 'error', '-c:v', 'libvpx-vp9', '-i', file, '-vf', `scale=${W / 4}:${H / 4}:flags=bicubic,format=yuv420p`, '-c:v', 'libx264', '-crf', '30', '-an', '-y', mp4]);
    const frames = await decodeFrames(mp4);
    expect(frames).toHaveLength(result.frames);
    const m = frameMarkerRect(W, H);
    const rect = { x: m.x / 4, y: m.y / 4, width: m.width / 4, height: m.height / 4 };
    expect(frames.map((f) => readFrameMarker(f.data, f.width, f.height, rect))).toEqual(frames.map((_, i) => i));
  });
});
