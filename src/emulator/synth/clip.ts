import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { decodeAudio } from './clip-audio';
import { figureFrames } from './figure-frames';
import { frameRms, mouthLevels } from './loudness';
import { lookFor } from './look';
import { motionTrack } from './motion';
import { photoFrames } from './photo-frames';
import { synthesizeSpeech } from './speech';
import { wordsToSrt } from './srt';
import { encodeWav, parseWav, type Pcm } from './wav';
import { encodeWebm } from './webm-encoder';
import type { FrameSource } from './frame-source';
import type { ClipRequest, ClipResult, WordTiming } from './types';

const MOUTH_LEVELS = 7;
/** Distinguishes concurrent calls' temporary outputs within this process. */
let tmpCounter = 0;

async function speechFor(req: ClipRequest): Promise<{ pcm: Pcm; words: WordTiming[]; voice?: string }> {
  if ('audio' in req.speech) return { pcm: await decodeAudio(req.speech.audio), words: [] };
  const s = await synthesizeSpeech(req.speech);
  return { pcm: parseWav(s.wav), words: s.words, voice: s.voice };
}

/** Checks the request before any work: HeyGen renders even sizes from 128 to 4096. */
function checkSize(width: number, height: number, fps: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 128 || height < 128 || width > 4096 || height > 4096 || width % 2 || height % 2) {
    throw new Error(`clip size must be even integers from 128 to 4096, got ${width}x${height}`);
  }
  if (!Number.isFinite(fps) || fps < 1 || fps > 60) throw new Error(`fps must be 1–60, got ${fps}`);
}

/** A talking presenter like HeyGen's `output_format: "webm"`: transparent VP9 + Opus, the requested size, as long as the speech. */
export async function synthesizeClip(req: ClipRequest, outFile: string): Promise<ClipResult> {
  const fps = req.fps ?? 25;
  const { width, height } = req;
  checkSize(width, height, fps);
  const cpu0 = process.cpuUsage();
  const { pcm, words, voice } = await speechFor(req);
  const frames = Math.max(1, Math.ceil((pcm.samples.length / pcm.sampleRate) * fps - 1e-6));
  const padded = new Int16Array(Math.round((frames / fps) * pcm.sampleRate));
  padded.set(pcm.samples.subarray(0, padded.length));
  const rms = frameRms(padded, pcm.sampleRate, fps, frames);
  const levels = mouthLevels(rms, MOUTH_LEVELS);
  let source: FrameSource;
  const backdrop = req.backdrop ? await loadImage(req.backdrop) : undefined;
  if (req.photo) {
    const loudness = Float32Array.from(levels, (l) => l / (MOUTH_LEVELS - 1));
    source = await photoFrames({ width, height, photo: req.photo, frames, fps, loudness, frameMarker: req.frameMarker, backdrop });
  } else {
    const motion = motionTrack(frames, fps, req.avatarId ?? 'default');
    source = figureFrames({ width, height, look: lookFor(req.avatarId), mouth: levels, mouthLevels: MOUTH_LEVELS, motion, frameMarker: req.frameMarker, backdrop });
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'synth-clip-'));
  const tmpOut = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${process.pid}.${++tmpCounter}.tmp`);
  try {
    const audioFile = path.join(dir, 'audio.wav');
    await writeFile(audioFile, encodeWav({ sampleRate: pcm.sampleRate, samples: padded }));
    const enc = await encodeWebm({ source, fps, audioFile, outFile: tmpOut, codec: req.codec, audioTitle: voice ? `espeak-ng ${voice}` : undefined });
    await rename(tmpOut, outFile);
    const cpu = process.cpuUsage(cpu0);
    const stats = { pictures: source.drawn(), sentFrames: enc.sentFrames, ffmpegCpuSec: enc.ffmpegCpuSec, nodeCpuSec: (cpu.user + cpu.system) / 1e6 };
    return { durationSec: frames / fps, frames, fps, width, height, words, srt: wordsToSrt(words), voice, stats };
  } finally {
    await rm(tmpOut, { force: true });
    await rm(dir, { recursive: true, force: true });
  }
}
