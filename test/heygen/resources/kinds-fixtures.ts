import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { parseWav } from '../../../src/emulator/synth/wav';
import { ffmpegPath, ffprobe, runBinary } from '../../../src/media/ffmpeg';
import type { HeyGenClient } from '../../../src/heygen';

/** A PNG portrait-ish picture (a face-coloured disc on a background), `size` pixels square. */
export async function writePng(file: string, size = 256, hue = 30): Promise<string> {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `hsl(${hue}, 40%, 70%)`;
  ctx.fillRect(0, 0, size, size);
  ctx.fillStyle = '#e8b894';
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 3, 0, Math.PI * 2);
  ctx.fill();
  await writeFile(file, canvas.toBuffer('image/png'));
  return file;
}

/** RMS of a media file's audio (0–1): speech is well above 0.01, silence is 0. */
export async function audioRms(file: string): Promise<{ rms: number; seconds: number }> {
  // MP4 cannot be demuxed from a pipe (its index may sit at the end): decode from the file
  const { stdout } = await runBinary(ffmpegPath(), ['-v', 'error', '-i', file, '-vn', '-ac', '1', '-c:a', 'pcm_s16le', '-f', 'wav', 'pipe:1']);
  const pcm = parseWav(stdout);
  let sum = 0;
  for (const s of pcm.samples) sum += (s / 32768) ** 2;
  return { rms: Math.sqrt(sum / Math.max(1, pcm.samples.length)), seconds: pcm.samples.length / pcm.sampleRate };
}

export async function videoSize(file: string): Promise<{ width?: number; height?: number; audio: boolean; seconds: number }> {
  const p = await ffprobe(file);
  const v = p.streams.find((s) => s.codec_type === 'video');
  return { width: v?.width, height: v?.height, audio: p.streams.some((s) => s.codec_type === 'audio'), seconds: Number(p.format.duration ?? 0) };
}

/** A small finished MP4 of the emulator's (one template scene at 256x144) to feed lipsync and translation. */
export async function smallVideo(client: HeyGenClient, dir: string, product = 'Nimbus'): Promise<string> {
  const v = await client.templates.generate('tpl_product_launch', {
    variables: { product: { name: 'product', type: 'text', properties: { content: product } }, tagline: { name: 'tagline', type: 'text', properties: { content: 'It is here.' } } },
    dimension: { width: 256, height: 144 },
    scene_ids: ['close'],
  });
  await client.waitForVideo(v.id);
  const file = path.join(dir, `${product}.mp4`);
  await client.downloadVideo(v.id, file);
  return file;
}
