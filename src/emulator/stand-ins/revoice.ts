import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ffmpegPath, ffprobe, runBinary } from '../../media/ffmpeg';
import { encodeWav, parseWav } from '../synth/wav';
import { cuesToSrt, type Cue } from '../render-video';

/**
 * Speaks each cue with an eSpeak voice from its start time (or when the previous one ends) and lays that over the
 * video's picture as its only audio. Returns the re-timed SRT.
 */
export async function revoice(videoFile: string, cues: Cue[], espeakVoice: string, outFile: string): Promise<{ durationSec: number; srt: string }> {
  // Loaded here, not at start-up: eSpeak NG's WebAssembly only when a translation is made (see server.ts).
  const { synthesizeSpeech } = await import('../synth/speech');
  const probe = await ffprobe(videoFile);
  const videoSec = Number(probe.format.duration ?? 0);
  const rate = 22050;
  const parts: { at: number; samples: Int16Array }[] = [];
  const spoken: Cue[] = [];
  let cursor = 0;
  for (const cue of cues) {
    if (!cue.text.trim()) continue;
    const speech = await synthesizeSpeech({ text: cue.text, voiceId: `espeak:${espeakVoice}` });
    const pcm = parseWav(speech.wav);
    const at = Math.max(Math.round(cue.start * rate), cursor);
    parts.push({ at, samples: pcm.samples });
    cursor = at + pcm.samples.length;
    spoken.push({ text: cue.text, start: at / rate, end: cursor / rate });
  }
  const total = new Int16Array(Math.max(cursor, Math.round(videoSec * rate)));
  for (const p of parts) total.set(p.samples.subarray(0, total.length - p.at), p.at);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'emulator-revoice-'));
  try {
    const wav = path.join(dir, 'voice.wav');
    await writeFile(wav, encodeWav({ sampleRate: rate, samples: total }));
    const h264 = probe.streams.some((s) => s.codec_type === 'video' && s.codec_name === 'h264');
    const video = h264 ? ['-c:v', 'copy'] : ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
    // a picture shorter than the new voice holds its last frame (the loop would restart the scene)
    await runBinary(ffmpegPath(), ['-y', '-v', 'error', '-i', videoFile, '-i', wav, '-map', '0:v:0', '-map', '1:a:0', ...video, '-c:a', 'aac', '-t', String(Math.max(videoSec, cursor / rate)), '-f', 'mp4', outFile]);
    return { durationSec: total.length / rate, srt: cuesToSrt(spoken) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
