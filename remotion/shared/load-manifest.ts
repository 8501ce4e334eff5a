import { parseSrt } from '@remotion/captions';
import { staticFile } from 'remotion';
import { MANIFEST_PATH, manifestSchema, type ClipEntry, type Manifest } from '../../src/spec/manifest';
import { wordsToCaptions, type CaptionTrack } from './captions';

export async function loadManifest(): Promise<Manifest | null> {
  const res = await fetch(staticFile(MANIFEST_PATH));
  // No manifest before the first prebuild: scenes get estimated lengths and a placeholder presenter.
  if (!res.ok) return null;
  const parsed = manifestSchema.safeParse(await res.json());
  return parsed.success ? parsed.data : null;
}

/** A clip's captions: its words when the manifest has them, else its SRT cues, else none. */
export async function loadCaptionTrack(clip: ClipEntry | null): Promise<CaptionTrack | null> {
  if (!clip) return null;
  if (clip.words?.length) return { wordLevel: true, captions: wordsToCaptions(clip.words) };
  if (!clip.subtitles) return null;
  const res = await fetch(staticFile(clip.subtitles));
  if (!res.ok) return null;
  return { wordLevel: false, captions: parseSrt({ input: await res.text() }).captions };
}
