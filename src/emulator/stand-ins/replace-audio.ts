import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ffmpegPath, runBinary } from '../../media/ffmpeg';
import { decodeAudio } from '../synth/clip-audio';
import { encodeWav } from '../synth/wav';

/**
 * A lipsync stand-in for footage the emulator did not make: the picture (looped when shorter) with the new audio
 * as its only sound, as long as the audio (HeyGen's `enable_dynamic_duration`).
 */
export async function replaceAudio(videoFile: string, audio: Buffer, outFile: string): Promise<{ durationSec: number }> {
  const pcm = await decodeAudio(audio);
  const durationSec = pcm.samples.length / pcm.sampleRate;
  if (durationSec <= 0) throw new Error('the audio is empty');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'emulator-lipsync-'));
  try {
    const wav = path.join(dir, 'audio.wav');
    await writeFile(wav, encodeWav(pcm));
    await runBinary(ffmpegPath(), [
      '-y', '-v', 'error', '-stream_loop', '-1', '-i', videoFile, '-i', wav, '-map', '0:v:0', '-map', '1:a:0',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-t', durationSec.toFixed(3), '-f', 'mp4', outFile,
    ]);
    return { durationSec };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
