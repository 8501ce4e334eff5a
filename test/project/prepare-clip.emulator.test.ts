import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizeClip } from '../../src/emulator/synth/index';
import { ffmpegPath, ffprobe, ffprobePath, runBinary } from '../../src/media/ffmpeg';
import { prepareClip, preparedSize } from '../../src/project/prepare-clip';
import { hashFile } from '../../src/project/project-files';
import type { ClipEntry } from '../../src/spec/manifest';

async function packets(file: string, stream: 'v:0' | 'a:0'): Promise<number> {
  const { stdout } = await runBinary(ffprobePath(), ['-v', 'error', '-count_packets', '-select_streams', stream, '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', file]);
  return Number(stdout.toString().trim());
}

/** The pixel format of a frame decoded with the libvpx decoder (the one that returns alpha) and written as PNG. */
async function decodedPixelFormat(file: string): Promise<string> {
  const { stderr } = await runBinary(ffmpegPath(), ['-v', 'info', '-c:v', 'libvpx-vp9', '-i', file, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-']);
  return /Output #0[\s\S]*?Video: png, (\w+)/.exec(stderr)?.[1] ?? stderr;
}

describe('preparedSize', () => {
  it("scales a legacy 1920x1080 clip to the largest size a template draws it at, and leaves v3's 720x720 clip alone", () => {
    expect(preparedSize({ width: 1920, height: 1080 })).toEqual({ width: 1152, height: 648 });
    expect(preparedSize({ width: 720, height: 720 })).toBeNull();
    expect(preparedSize({ width: 720, height: 1280 })).toBeNull();
    const tall = preparedSize({ width: 1080, height: 1920 })!;
    expect(tall.width).toBeLessThan(1080);
    expect(tall.width % 2 + (tall.height % 2)).toBe(0);
  });
});

describe('prepareClip (a legacy full-frame 1920x1080 clip)', () => {
  let publicDir: string;
  let entry: ClipEntry;
  let originalHash: string;
  beforeAll(async () => {
    publicDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'prepare-clip-')), 'public');
    const file = 'clips/legacy.webm';
    await mkdir(path.join(publicDir, 'clips'), { recursive: true });
    const r = await synthesizeClip({ width: 1920, height: 1080, fps: 25, avatarId: 'legacy', speech: { text: 'Quarterly numbers are in.' }, frameMarker: true }, path.join(publicDir, file));
    entry = { requestKey: 'k', generation: 'legacy', backend: 'emulator', videoId: 'v', file, durationSec: r.durationSec, fps: 25, width: 1920, height: 1080, sizeBytes: (await stat(path.join(publicDir, file))).size, createdAt: new Date(0).toISOString() };
    originalHash = await hashFile(path.join(publicDir, file));
  });
  afterAll(async () => {
    await rm(path.dirname(publicDir), { recursive: true, force: true });
  });

  it('makes a 1152x648 VP9 copy with its alpha, every frame and the audio; the original stays as it was', async () => {
    const { entry: next, outcome } = await prepareClip(publicDir, entry);
    expect(outcome).toBe('made');
    expect(next.prepared).toMatchObject({ width: 1152, height: 648 });
    expect(next.prepared!.file).toMatch(new RegExp(`^clips/prepared/${originalHash.slice(0, 20)}-1152x648\\.webm$`));
    const [src, out] = [path.join(publicDir, entry.file), path.join(publicDir, next.prepared!.file)];
    const video = (await ffprobe(out)).streams.find((s) => s.codec_type === 'video')!;
    expect([video.codec_name, video.width, video.height]).toEqual(['vp9', 1152, 648]);
    expect(await decodedPixelFormat(src)).toBe('rgba');
    expect(await decodedPixelFormat(out)).toBe('rgba');
    expect(await packets(out, 'v:0')).toBe(await packets(src, 'v:0'));
    expect(await packets(out, 'a:0')).toBe(await packets(src, 'a:0'));
    expect(await hashFile(src)).toBe(originalHash);
    entry = next;
  });

  it('is never redone: an entry that has its copy keeps it; a copy for the same content and size is reused', async () => {
    const file = path.join(publicDir, entry.prepared!.file);
    const before = await readFile(file);
    const mtime = (await stat(file)).mtimeMs;
    expect((await prepareClip(publicDir, entry)).outcome).toBe('kept');
    const { prepared: _p, ...bare } = entry;
    const again = await prepareClip(publicDir, bare);
    expect(again.outcome).toBe('reused');
    expect(again.entry.prepared).toEqual(entry.prepared);
    expect((await stat(file)).mtimeMs).toBe(mtime);
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('drops the copy of a clip that no longer needs one', async () => {
    const small = { ...entry, width: 720, height: 720 };
    const r = await prepareClip(publicDir, small);
    expect(r.outcome).toBe('not-needed');
    expect(r.entry).not.toHaveProperty('prepared');
  });
});
