import { describe, expect, it } from 'vitest';
import { CODECS } from '../../src/render/render-options';
import { DEFAULT_RENDER_SETTINGS, renderSettings } from '../../src/render/render-settings';

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
});
