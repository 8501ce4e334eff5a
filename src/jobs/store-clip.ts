import { readFile, stat } from 'node:fs/promises';
import { probeClip } from '../media/probe-clip';
import { requestKey, type ClipRequest } from '../spec/clip-request';
import type { ClipEntry } from '../spec/manifest';
import type { JobContext } from './job';
import { wordsFromSrt } from './srt-words';

/**
 * A downloaded clip (store.videoPath(key), and store.subtitlesPath(key) when `hasSubtitles`) made whole: probed,
 * its completion marker written (last on disk, before the manifest), its manifest entry recorded.
 */
export async function storeClip(job: { key: string; request: ClipRequest }, ctx: JobContext, remoteId: string, got: { bytes: number; hasSubtitles: boolean; kind: string }): Promise<string> {
  const { store } = ctx;
  const file = store.videoPath(job.key);
  const srtFile = store.subtitlesPath(job.key);
  const words = got.hasSubtitles ? wordsFromSrt(await readFile(srtFile, 'utf8')) : undefined;
  const probe = await probeClip(file);
  const sizeBytes = (await stat(file)).size;
  const entry: ClipEntry = {
    requestKey: requestKey(job.request),
    generation: ctx.identity.generation,
    backend: ctx.identity.backend,
    videoId: remoteId,
    file: store.relative(file),
    durationSec: probe.durationSec,
    fps: probe.fps,
    width: probe.width,
    height: probe.height,
    sizeBytes,
    subtitles: got.hasSubtitles ? store.relative(srtFile) : undefined,
    words: words?.length ? words : undefined,
    wordsSource: words?.length ? 'srt' : undefined,
    createdAt: new Date().toISOString(),
  };
  // The marker holds the entry too: the manifest can be rebuilt from it.
  await store.markComplete(job.key, { videoId: remoteId, bytes: sizeBytes, durationSec: probe.durationSec, kind: got.kind, entry });
  await ctx.record(job.key, entry);
  return `${probe.durationSec.toFixed(1)} s, ${(got.bytes / 1024).toFixed(0)} KiB`;
}
