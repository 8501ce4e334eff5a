import { describe, expect, it } from 'vitest';
import { CODECS } from '../../src/render/render-options';
import { AUTO_CHUNK_MIN_FRAMES, DEFAULT_RENDER_SETTINGS, chunkCount, defaultConcurrency, renderSettings } from '../../src/render/render-settings';

describe('RenderSettings', () => {
  it('fills in the defaults, and a flag left out (undefined) never overrides an earlier value', () => {
    const session = renderSettings({ scale: 0.5, jpegQuality: 70 });
    expect(session).toMatchObject({ ...DEFAULT_RENDER_SETTINGS, scale: 0.5, jpegQuality: 70, imageFormat: 'jpeg' });
    expect(renderSettings(session, { scale: undefined, chunks: 3 })).toMatchObject({ scale: 0.5, jpegQuality: 70, chunks: 3 });
  });

  it('takes the frame format from the codec unless told: PNG for ProRes, JPEG for the others', () => {
    expect(renderSettings({ codec: CODECS.prores }).imageFormat).toBe('png');
    expect(renderSettings({ codec: CODECS.vp9 }).imageFormat).toBe('jpeg');
    expect(renderSettings({ codec: CODECS.h264, imageFormat: 'png' }).imageFormat).toBe('png');
  });

  it("keeps every core busy: at least 2 tabs on 2 cores, Remotion's half of the cores (at most 8) above", () => {
    expect([1, 2, 3, 4, 8, 16, 64].map((cores) => defaultConcurrency(cores))).toEqual([1, 2, 2, 2, 4, 8, 8]);
  });

  it("gives 'auto' one frame range per tab while each range has enough frames, and one range below", () => {
    const auto = { chunks: 'auto' as const, concurrency: 2, codec: CODECS.h264 };
    expect(chunkCount(auto, 2 * AUTO_CHUNK_MIN_FRAMES - 1)).toBe(1);
    expect(chunkCount(auto, 2 * AUTO_CHUNK_MIN_FRAMES)).toBe(2);
    expect(chunkCount(auto, 10_000)).toBe(2);
    expect(chunkCount({ ...auto, concurrency: 4 }, 3 * AUTO_CHUNK_MIN_FRAMES)).toBe(3);
    expect(chunkCount({ ...auto, concurrency: 1 }, 10_000)).toBe(1);
    // Only H.264 is split by itself; a number is the user's, kept as given.
    expect(chunkCount({ ...auto, codec: CODECS.prores }, 10_000)).toBe(1);
    expect(chunkCount({ ...auto, codec: CODECS.vp9 }, 10_000)).toBe(1);
    expect(chunkCount({ ...auto, chunks: 3, codec: CODECS.vp9 }, 30)).toBe(3);
    expect(renderSettings().chunks).toBe('auto');
  });
});
