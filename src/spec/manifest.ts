import { z } from 'zod';

export const MANIFEST_PATH = 'clips/manifest.json';

export const wordTimingSchema = z.object({ word: z.string(), start: z.number(), end: z.number() });
export type WordTiming = z.infer<typeof wordTimingSchema>;

export const clipEntrySchema = z.object({
  requestKey: z.string(),
  generation: z.enum(['v3', 'legacy']),
  backend: z.enum(['heygen', 'emulator']),
  videoId: z.string(),
  /** Path under public/, for staticFile(). */
  file: z.string(),
  durationSec: z.number().positive(),
  fps: z.number().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  sizeBytes: z.number().int().nonnegative(),
  subtitles: z.string().optional(),
  words: z.array(wordTimingSchema).optional(),
  /** 'speech': real per-word timings; 'srt': estimated from subtitle cues. */
  wordsSource: z.enum(['speech', 'srt']).optional(),
  createdAt: z.string(),
  /**
   * A copy scaled down to the largest size any template draws it at, made by the prebuild (the original `file` is
   * kept): what renders decode instead. Named after the original's content hash and its own size, so never redone.
   */
  prepared: z.object({ file: z.string(), width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
});
export type ClipEntry = z.infer<typeof clipEntrySchema>;

export const manifestSchema = z.object({
  version: z.literal(1),
  clips: z.record(z.string(), clipEntrySchema),
  /**
   * requestKey -> the clip key the last prebuild chose for it (from the current bytes of its files): how the browser,
   * which cannot hash files, follows the prebuild's choice in Studio. Renders get their clips in props instead.
   */
  current: z.record(z.string(), z.string()).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function emptyManifest(): Manifest {
  return { version: 1, clips: {} };
}

function rank(entry: ClipEntry): string {
  return `${entry.backend === 'heygen' ? 1 : 0}${entry.createdAt}`;
}

/**
 * The clip the last prebuild chose for this request (manifest.current); for a manifest without that, the clip of
 * this request: a real HeyGen clip before a placeholder, then the newest.
 */
export function findClip(manifest: Manifest, reqKey: string): ClipEntry | null {
  const chosen = manifest.current?.[reqKey];
  if (chosen && manifest.clips[chosen]) return manifest.clips[chosen];
  let best: ClipEntry | null = null;
  for (const entry of Object.values(manifest.clips)) {
    if (entry.requestKey === reqKey && (!best || rank(entry) > rank(best))) best = entry;
  }
  return best;
}
