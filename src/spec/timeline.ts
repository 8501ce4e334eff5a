import { clipRequestsFor, requestKey } from './clip-request';
import { findClip, type ClipEntry, type Manifest } from './manifest';
import type { VideoSpec } from './video-spec';

/** Silence after each scene's speech, so the last word is not cut by the next scene. */
export const SCENE_PADDING_SEC = 0.5;
const WORDS_PER_MINUTE = 150;

export interface SceneTiming {
  from: number;
  durationInFrames: number;
  clip: ClipEntry | null;
  /** Speech length: the clip's, or an estimate at 150 words/min while no clip exists yet. */
  speechSec: number;
  /** The scene is a full-frame video HeyGen made (template or Video Agent), shown instead of presenter and graphics. */
  fullFrame?: boolean;
}

export interface Timeline {
  scenes: SceneTiming[];
  durationInFrames: number;
  missingClips: number;
}

export function estimateSpeechSec(script: string, speed = 1): number {
  let pauses = 0;
  const text = script.replace(/<break\s+time="([\d.]+)(m?s)"\s*\/>/g, (_m, n: string, unit: string) => {
    pauses += unit === 'ms' ? Number(n) / 1000 : Number(n);
    return ' ';
  });
  // Chinese, Japanese and Korean write no spaces between words: ~2.8 characters make a word's time.
  const cjk = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu) ?? []).length;
  const words = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu, '').split(/\s+/).filter(Boolean).length + cjk / 2.8;
  return (words / WORDS_PER_MINUTE) * 60 / speed + pauses;
}

/**
 * Scene lengths from their clips. `sceneClips` (per scene, chosen in Node by the prebuild's key) wins; without it
 * (Studio, demos) each scene's clip is looked up in the manifest by the same rule (see findClip).
 */
export function buildTimeline(spec: VideoSpec, manifest: Manifest | null, fps: number, sceneClips?: readonly (ClipEntry | null)[]): Timeline {
  const requests = clipRequestsFor(spec);
  let from = 0;
  let missingClips = 0;
  const scenes = requests.map((request, i) => {
    const clip = sceneClips ? (sceneClips[i] ?? null) : manifest ? findClip(manifest, requestKey(request)) : null;
    if (!clip) missingClips++;
    const scene = spec.scenes[i]!;
    // A recorded-audio scene has no text to estimate from until its clip exists.
    const estimate = scene.script ? estimateSpeechSec(scene.script, spec.voice.speed) : scene.video ? 8 : 5;
    const speechSec = clip ? clip.durationSec : Math.max(1, estimate);
    const durationInFrames = Math.ceil((speechSec + SCENE_PADDING_SEC) * fps);
    const timing: SceneTiming = { from, durationInFrames, clip, speechSec, ...(scene.video ? { fullFrame: true } : {}) };
    from += durationInFrames;
    return timing;
  });
  return { scenes, durationInFrames: Math.max(1, from), missingClips };
}
