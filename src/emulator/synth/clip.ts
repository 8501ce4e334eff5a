import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { decodeAudio } from './clip-audio';
import { drawFigure, figureLayout } from './figure';
import { frameRms, mouthLevels } from './loudness';
import { lookFor } from './look';
import { motionTrack } from './motion';
import { synthesizeSpeech } from './speech';
import { wordsToSrt } from './srt';
import { encodeWav, parseWav, type Pcm } from './wav';
import { encodeWebm } from './webm-encoder';
import type { ClipRequest, ClipResult, WordTiming } from './types';

const MOUTH_LEVELS = 7;
/** Head offset step in figure units. */
const HEAD_STEP = 0.005;

async function speechFor(req: ClipRequest): Promise<{ pcm: Pcm; words: WordTiming[] }> {
  if ('audio' in req.speech) return { pcm: await decodeAudio(req.speech.audio), words: [] };
  const s = await synthesizeSpeech(req.speech);
  return { pcm: parseWav(s.wav), words: s.words };
}

/** Renders a talking presenter clip (transparent VP9 WebM with Opus audio) for a script or an audio file. */
export async function synthesizeClip(req: ClipRequest, outFile: string): Promise<ClipResult> {
  const fps = req.fps ?? 25;
  const { width, height } = req;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16 || width % 2 || height % 2) {
    throw new Error(`clip size must be even integers of at least 16, got ${width}x${height}`);
  }
  const { pcm, words } = await speechFor(req);
  const frames = Math.max(1, Math.ceil((pcm.samples.length / pcm.sampleRate) * fps - 1e-6));
  const padded = new Int16Array(Math.round((frames / fps) * pcm.sampleRate));
  padded.set(pcm.samples.subarray(0, padded.length));
  const mouth = mouthLevels(frameRms(padded, pcm.sampleRate, fps, frames), MOUTH_LEVELS);
  const motion = motionTrack(frames, fps, req.avatarId ?? 'default');
  const look = lookFor(req.avatarId);
  const layout = figureLayout(width, height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const cache = new Map<string, Buffer>();
  const frameAt = (i: number): Buffer => {
    const state = { mouth: (mouth[i] ?? 0) / (MOUTH_LEVELS - 1), eyes: (motion.eyes[i] ?? 0) as 0 | 1 | 2, headX: (motion.headX[i] ?? 0) * HEAD_STEP, headY: (motion.headY[i] ?? 0) * HEAD_STEP };
    const key = `${state.mouth}|${state.eyes}|${state.headX}|${state.headY}`;
    let png = cache.get(key);
    if (!png) {
      ctx.clearRect(0, 0, width, height);
      drawFigure(ctx, look, state, layout);
      png = canvas.toBuffer('image/png');
      cache.set(key, png);
    }
    return png;
  };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'synth-clip-'));
  try {
    const audioFile = path.join(dir, 'audio.wav');
    await writeFile(audioFile, encodeWav({ sampleRate: pcm.sampleRate, samples: padded }));
    const tmpOut = `${outFile}.${process.pid}.tmp.webm`;
    try {
      await encodeWebm({ srcWidth: width, srcHeight: height, width, height, fps, frames, frameAt, audioFile, outFile: tmpOut });
      await rename(tmpOut, outFile);
    } finally {
      await rm(tmpOut, { force: true });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { durationSec: frames / fps, frames, fps, width, height, words, srt: wordsToSrt(words) };
}
