import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ClipEntry } from '../spec/manifest';
import { ClipStore } from './clip-store';
import { connectHeyGen, type HeyGenConnection } from './connect-heygen';
import { loadSpec, type LoadedSpec } from './load-spec';
import { planClips, type Plan, type PlannedClip } from './plan';
import { probeClip } from './probe-clip';
import { hashReferencedFiles } from './project-files';
import { AssetCache } from './asset-cache';
import { SpecError } from './spec-error';

export type ClipState = 'cached' | 'submitted' | 'pending' | 'processing' | 'downloading' | 'ready' | 'failed';

export type PrebuildEvent =
  | { type: 'plan'; plan: Plan; backend: string }
  | { type: 'clip'; key: string; state: ClipState; elapsedMs: number; detail?: string; clip: PlannedClip };

export interface PrebuildOptions {
  root?: string;
  /** Spec files; default: every .json in videos/. */
  specFiles?: string[];
  concurrency?: number;
  onEvent?: (e: PrebuildEvent) => void;
  /** For tests and custom setups; default: HeyGen with a key, the emulator without. */
  connect?: () => Promise<HeyGenConnection>;
}

export interface PrebuildResult {
  specs: LoadedSpec[];
  plan: Plan | null;
  ready: number;
  generated: number;
  failed: { key: string; message: string }[];
}

export async function defaultSpecFiles(root: string): Promise<string[]> {
  const dir = path.join(root, 'videos');
  const names = await readdir(dir).catch(() => [] as string[]);
  // Templates hold {{fields}} and are expanded by the batch command, not built as they are.
  return names.filter((n) => n.endsWith('.json') && !n.includes('template')).sort().map((n) => path.join('videos', n));
}

async function loadAll(files: string[], root: string): Promise<LoadedSpec[]> {
  const results = await Promise.allSettled(files.map((f) => loadSpec(f, root)));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
  if (errors.length) {
    const specErrors = errors.filter((e): e is SpecError => e instanceof SpecError);
    if (specErrors.length !== errors.length) throw errors.find((e) => !(e instanceof SpecError));
    throw new SpecError(specErrors.map((e) => e.file).join(', '), specErrors.flatMap((e) => e.issues.map((i) => ({ ...i, path: `${e.file} ${i.path}` }))));
  }
  return results.map((r) => (r as PromiseFulfilledResult<LoadedSpec>).value);
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(workers);
}

/** Gets every scene's presenter clip into public/clips and the manifest; only clips not already there cost a request. */
export async function runPrebuild(opts: PrebuildOptions = {}): Promise<PrebuildResult> {
  const root = opts.root ?? process.cwd();
  const specFiles = opts.specFiles?.length ? opts.specFiles : await defaultSpecFiles(root);
  if (!specFiles.length) throw new Error(`No specs to build: put a video spec (.json) in ${path.join(root, 'videos')} or name one.`);
  const specs = await loadAll(specFiles, root);
  const store = new ClipStore(root);
  const fileHashes: Record<string, string> = {};
  for (const { file, spec } of specs) Object.assign(fileHashes, await hashReferencedFiles(file, spec, store.publicDir));
  let manifest = await store.readManifest();
  const emit = opts.onEvent ?? (() => {});

  const generation = process.env.HEYGEN_API_GENERATION === 'legacy' ? 'legacy' : 'v3';
  const backend = process.env.HEYGEN_API_KEY ? 'heygen' : 'emulator';
  const plan = planClips(specs, manifest, store, generation, backend, fileHashes);
  const missing = plan.clips.filter((c) => !c.cached);
  const announce = (backendName: string) => {
    emit({ type: 'plan', plan, backend: backendName });
    for (const clip of plan.clips.filter((c) => c.cached)) emit({ type: 'clip', key: clip.key, state: 'cached', elapsedMs: 0, clip });
  };
  if (!missing.length) {
    announce('nothing (all cached)');
    return { specs, plan, ready: plan.clips.length, generated: 0, failed: [] };
  }

  const connection = await (opts.connect ?? connectHeyGen)();
  announce(connection.describe);
  const uploads = new AssetCache(path.join(root, '.heygen', 'assets.json'), `${connection.backend}:${generation}:${connection.client.config.baseUrl}`, fileHashes);
  const failed: PrebuildResult['failed'] = [];
  let generated = 0;
  // One writer: entries are merged into the manifest one at a time.
  let writing = Promise.resolve();
  const record = (key: string, entry: ClipEntry) => {
    writing = writing.then(async () => {
      manifest = { ...manifest, clips: { ...manifest.clips, [key]: entry } };
      await store.writeManifest(manifest);
    });
    return writing;
  };

  try {
    await mapLimit(missing, opts.concurrency ?? 4, async (clip) => {
      const t0 = Date.now();
      const say = (state: ClipState, detail?: string) => emit({ type: 'clip', key: clip.key, state, elapsedMs: Date.now() - t0, detail, clip });
      try {
        const { client } = connection;
        const uploaded = async (rel: string) => (await uploads.assetId(client, rel, path.join(store.publicDir, rel))).assetId;
        const { request } = clip;
        const { videoId } = await client.createAvatarClip(
          {
            avatarId: request.avatar.type === 'look' ? request.avatar.id : undefined,
            photoAssetId: request.avatar.type === 'photo' ? await uploaded(request.avatar.path) : undefined,
            voiceId: request.voice.id,
            script: request.speech.type === 'script' ? request.speech.script : undefined,
            audioAssetId: request.speech.type === 'audio' ? await uploaded(request.speech.path) : undefined,
            speed: request.voice.speed,
            resolution: request.resolution,
            aspectRatio: request.aspect,
            title: `${clip.usedBy[0]!.specId} scene ${clip.usedBy[0]!.scene + 1}`,
          },
          // The content key: a retried or re-run create replays the first one instead of paying again.
          { idempotencyKey: `clip-${clip.key}` },
        );
        say('submitted', videoId);
        let last = '';
        const result = await client.waitForVideo(videoId, {
          onStatus: ({ status }) => {
            if (status !== last && (status === 'pending' || status === 'processing')) say(status);
            last = status;
          },
        });
        say('downloading');
        const file = store.videoPath(clip.key);
        await client.downloadVideo(videoId, file);
        let subtitles: string | undefined;
        if (result.subtitleUrl) {
          const srt = store.subtitlesPath(clip.key);
          await client.downloadSubtitles(videoId, srt).then(
            () => (subtitles = store.relative(srt)),
            () => rm(srt, { force: true }),
          );
        }
        const probe = await probeClip(file);
        await record(clip.key, {
          requestKey: clip.requestKey,
          generation: plan.generation,
          backend: connection.backend,
          videoId,
          file: store.relative(file),
          durationSec: probe.durationSec,
          fps: probe.fps,
          width: probe.width,
          height: probe.height,
          sizeBytes: (await stat(file)).size,
          subtitles,
          createdAt: new Date().toISOString(),
        });
        generated++;
        say('ready', `${probe.durationSec.toFixed(1)} s`);
      } catch (err) {
        const message = (err as Error).message;
        failed.push({ key: clip.key, message });
        say('failed', message);
      }
    });
    await writing;
  } finally {
    await connection.close();
  }
  return { specs, plan, ready: plan.clips.length - failed.length, generated, failed };
}
