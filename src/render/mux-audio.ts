import { ffmpegPath, runBinary } from '../media/ffmpeg';
import type { CodecChoice } from './render-options';

const AUDIO_ENCODER: Record<string, string[]> = {
  aac: ['-c:a', 'aac', '-b:a', '192k'],
  opus: ['-c:a', 'libopus', '-b:a', '128k'],
  'pcm-16': ['-c:a', 'pcm_s16le'],
};

/**
 * Joins a silent video and its WAV soundtrack, encoding the audio here: ffmpeg records the encoder's priming
 * delay in the container (an MP4 edit list), so players skip it and the voice lines up with the picture.
 * (Remotion's own AAC mux leaves it out: the voice then plays 2048 samples, 43 ms, late.)
 */
export async function muxAudio(videoFile: string, wavFile: string, outFile: string, codec: CodecChoice): Promise<void> {
  const encoder = AUDIO_ENCODER[codec.audioCodec] ?? AUDIO_ENCODER.aac!;
  const faststart = codec.extension === 'mp4' || codec.extension === 'mov' ? ['-movflags', '+faststart'] : [];
  await runBinary(ffmpegPath(), ['-v', 'error', '-y', '-i', videoFile, '-i', wavFile, '-map', '0:v', '-map', '1:a', '-c:v', 'copy', ...encoder, ...faststart, outFile]);
}
