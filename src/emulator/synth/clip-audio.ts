import { ffmpegPath, runBinary } from '../../media/ffmpeg';
import { parseWav, type Pcm } from './wav';

/** Decodes caller-supplied WAV or MP3 bytes to mono 16-bit PCM (through ffmpeg, so any WAV flavour and MP3 work). */
export async function decodeAudio(bytes: Buffer): Promise<Pcm> {
  const { stdout } = await runBinary(ffmpegPath(), ['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', 'pipe:0', '-ac', '1', '-c:a', 'pcm_s16le', '-f', 'wav', 'pipe:1'], bytes);
  return parseWav(stdout);
}
