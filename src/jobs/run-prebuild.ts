import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { configuredBackend, NotFoundError, resolveConfig, startWebhookReceiver, VideoFailedError, type ConnectHeyGen, type HeyGenConnection, type WebhookReceiver } from '../heygen';
import type { PollCadence } from '../heygen';
import { probeClip } from '../media/probe-clip';
import { ClipStore } from '../project/clip-store';
import { loadSpec, type LoadedSpec } from '../project/load-spec';
import { acquirePrebuildLock } from '../project/prebuild-lock';
import { hashReferencedFiles, resolvePublicFile } from '../project/project-files';
import { SpecError } from '../project/spec-error';
import type { ClipEntry } from '../spec/manifest';
import { AssetCache } from './asset-cache';
import { Journal } from './journal';
import { planClips, type Plan, type PlannedClip } from './plan';
import { wordsFromSrt } from './srt-words';
import { defaultSpecFiles } from '../project/spec-files';

export type ClipState = 'cached' | 'uploading' | 'submitted' | 'resumed' | 'pending' | 'processing' | 'downloading' | 'ready' | 'failed';

export type PrebuildEvent =
  | { type: 'plan'; plan: Plan; backend: string; dryRun: boolean }
  | { type: 'clip'; key: string; state: ClipState; elapsedMs: number; detail?: string; clip: PlannedClip };

export interface PrebuildOptions {
  root?: string;
  /** Spec files; default: every .json in videos/. */
  specFiles?: string[];
  /** Jobs in flight at once; keep it at or under the account's concurrency cap (v3 pay-as-you-go: 10). */
  concurrency?: number;
  /** Plan and estimate only: no connection, no upload, no request. */
  dryRun?: boolean;
  onEvent?: (e: PrebuildEvent) => void;
  /** Opens the connection to HeyGen or the emulator (the entry point's choice); called only when a clip must be made. */
  connect: ConnectHeyGen;
  /**
   * Webhook mode: HeyGen calls back when each video is done, instead of being polled. A local receiver listens
   * on `port`; `publicUrl` is where HeyGen can reach it (a tunnel to that port), default its loopback URL.
   * Polling goes on at a slow pace as a safety net for lost deliveries.
   */
  webhook?: { secret: string; port?: number; publicUrl?: string };
}

export interface PrebuildResult {
  specs: LoadedSpec[];
  plan: Plan;
  ready: number;
  generated: number;
  failed: { key: string; message: string; code?: string }[];
  /** Seconds of video to generate, at 150 words/min plus pauses (audio scenes: their length). */
  estimatedSec: number;
  estimatedUsd: number;
}

/** With webhooks on, a poll every few minutes only catches deliveries that never arrived. */
const SAFETY_NET_CADENCE: PollCadence = { initialDelayMs: 120_000, steps: [{ everyMs: 180_000 }] };

/** HeyGen bills API avatar video by the second; override with HEYGEN_USD_PER_SECOND for your plan. */
export function usdPerSecond(): number {
  const v = Number(process.env.HEYGEN_USD_PER_SECOND);
  return Number.isFinite(v) && v > 0 ? v : 0.1;
}

export { defaultSpecFiles };

async function loadAll(files: string[], root: string): Promise<LoadedSpec[]> {
  const results = await Promise.allSettled(files.map((f) => loadSpec(f, root)));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
  if (errors.length) {
    const other = errors.find((e) => !(e instanceof SpecError));
    if (other) throw other;
    const specErrors = errors as SpecError[];
    if (specErrors.length === 1) throw specErrors[0];
    throw new SpecError(specErrors.map((e) => e.file).join(', '), specErrors.flatMap((e) => e.issues.map((i) => ({ ...i, path: `${e.file} ${i.path}` }))));
  }
  return results.map((r) => (r as PromiseFulfilledResult<LoadedSpec>).value);
}

/** Holds the number of HeyGen jobs in flight to the account's cap; downloads run outside it. */
function semaphore(limit: number) {
  let free = Math.max(1, limit);
  const waiting: (() => void)[] = [];
  return {
    async acquire(): Promise<void> {
      if (free > 0) {
        free--;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    release(): void {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

async function audioSeconds(store: ClipStore, rel: string): Promise<number> {
  const file = resolvePublicFile(store.publicDir, rel);
  if (!file) return 0;
  try {
    return (await probeClip(file)).durationSec;
  } catch {
    return 0;
  }
}

/**
 * Gets every scene's presenter clip into public/clips and the manifest. Only clips not already there cost a
 * request; a killed run resumes the videos it had asked for (journal + idempotency keys) on the next run.
 */
export async function runPrebuild(opts: PrebuildOptions): Promise<PrebuildResult> {
  const root = opts.root ?? process.cwd();
  const specFiles = opts.specFiles?.length ? opts.specFiles : await defaultSpecFiles(root);
  if (!specFiles.length) throw new Error(`No specs to build: put a video spec (.json) in ${path.join(root, 'videos')} or name one.`);
  const specs = await loadAll(specFiles, root);
  const store = new ClipStore(root);
  const fileHashes: Record<string, string> = {};
  for (const { file, spec } of specs) Object.assign(fileHashes, await hashReferencedFiles(file, spec, store.publicDir));
  let manifest = await store.readManifest();
  const emit = opts.onEvent ?? (() => {});

  // Keys are computed before any connection exists, from the same reading of the environment the client makes.
  const config = resolveConfig();
  const generation = config.generation;
  const backend = configuredBackend(config);
  const plan = planClips(specs, manifest, store, generation, backend, fileHashes);
  for (const clip of plan.clips) {
    if (clip.request.speech.type === 'audio') clip.estimatedSec = await audioSeconds(store, clip.request.speech.path);
  }
  const missing = plan.clips.filter((c) => !c.cached);
  const estimatedSec = missing.reduce((n, c) => n + c.estimatedSec, 0);
  const estimatedUsd = backend === 'heygen' ? estimatedSec * usdPerSecond() : 0;
  const base = { specs, plan, estimatedSec, estimatedUsd };
  const announce = (backendName: string) => {
    emit({ type: 'plan', plan, backend: backendName, dryRun: !!opts.dryRun });
    for (const clip of plan.clips.filter((c) => c.cached)) emit({ type: 'clip', key: clip.key, state: 'cached', elapsedMs: 0, clip });
  };

  if (opts.dryRun || !missing.length) {
    announce(opts.dryRun ? (backend === 'heygen' ? 'HeyGen (dry run: nothing sent)' : 'the local emulator (dry run)') : 'nothing (all cached)');
    return { ...base, ready: plan.clips.length - missing.length, generated: 0, failed: [] };
  }

  const release = await acquirePrebuildLock(root);
  let connection: HeyGenConnection | undefined;
  let receiver: WebhookReceiver | undefined;
  try {
    // A fail event counts only once the API confirms it (the connection is open before any video is submitted).
    const confirmFailure = (videoId: string) => (connection ? connection.client.videoStatus(videoId) : Promise.reject(new Error('not connected yet')));
    if (opts.webhook) receiver = await startWebhookReceiver({ secret: opts.webhook.secret, port: opts.webhook.port ?? 0, confirmFailure });
    const callbackUrl = receiver ? (opts.webhook?.publicUrl ?? receiver.url) : undefined;
    await store.removePartials();
    connection = await opts.connect();
    const { client } = connection;
    const scope = `${plan.backend}|${generation}|${client.config.baseUrl}`;
    const journal = await Journal.open(path.join(root, '.heygen', 'journal.json'), scope);
    const uploads = new AssetCache(path.join(root, '.heygen', 'assets.json'), scope, fileHashes);
    announce(connection.describe);

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

    const submit = async (clip: PlannedClip, say: (s: ClipState, d?: string) => void, attempt: number): Promise<string> => {
      const { request } = clip;
      const needsUpload = request.avatar.type === 'photo' || request.speech.type === 'audio';
      if (needsUpload) say('uploading');
      const uploaded = async (rel: string) => (await uploads.assetId(client, rel, path.join(store.publicDir, rel))).assetId;
      const photoAssetId = request.avatar.type === 'photo' ? await uploaded(request.avatar.path) : undefined;
      const audioAssetId = request.speech.type === 'audio' ? await uploaded(request.speech.path) : undefined;
      // The key is derived from the clip's content: a re-sent create replays the first one instead of paying again.
      const idempotencyKey = `clip-${clip.key}${attempt > 1 ? `-${attempt}` : ''}`;
      // Journal first, then send: a crash between the two re-sends with this same key.
      await journal.put(clip.key, { idempotencyKey, submittedAt: new Date().toISOString(), attempts: attempt });
      const { videoId } = await client.createAvatarClip(
        {
          avatarId: request.avatar.type === 'look' ? request.avatar.id : undefined,
          photoAssetId,
          voiceId: request.voice.id,
          script: request.speech.type === 'script' ? request.speech.script : undefined,
          audioAssetId,
          speed: request.voice.speed,
          pitch: request.voice.pitch,
          locale: request.voice.locale,
          resolution: request.resolution,
          aspectRatio: request.aspect,
          title: `${clip.usedBy[0]!.specId} scene ${clip.usedBy[0]!.scene + 1}`,
          callbackUrl,
          callbackId: callbackUrl ? clip.key : undefined,
        },
        { idempotencyKey },
      );
      await journal.put(clip.key, { idempotencyKey, videoId, submittedAt: new Date().toISOString(), attempts: attempt });
      say('submitted', videoId);
      return videoId;
    };

    const waitDone = async (videoId: string, onStatus: (s: { status: string }) => void) => {
      if (!receiver) return client.waitForVideo(videoId, { onStatus });
      const stop = new AbortController();
      try {
        return await Promise.race([
          receiver.waitFor(videoId, { timeoutMs: client.config.waitDeadlineMs }),
          client.waitForVideo(videoId, { onStatus, signal: stop.signal, cadence: SAFETY_NET_CADENCE }),
        ]);
      } finally {
        stop.abort();
      }
    };
    const slots = semaphore(opts.concurrency ?? 4);
    await Promise.all(missing.map(async (clip) => {
      const t0 = Date.now();
      const say = (state: ClipState, detail?: string) => emit({ type: 'clip', key: clip.key, state, elapsedMs: Date.now() - t0, detail, clip });
      try {
        const job = journal.get(clip.key);
        let attempt = job?.attempts ?? 1;
        let videoId: string;
        let last = '';
        const onStatus = ({ status }: { status: string }) => {
          if (status !== last && (status === 'pending' || status === 'processing')) say(status);
          last = status;
        };
        await slots.acquire();
        try {
          if (job?.videoId) {
            videoId = job.videoId;
            say('resumed', videoId);
          } else {
            videoId = await submit(clip, say, attempt);
          }
          try {
            await waitDone(videoId, onStatus);
          } catch (err) {
            // A journaled video HeyGen no longer knows (deleted, or an emulator that restarted): ask once more, with a new key.
            if (!(err instanceof NotFoundError) || !job?.videoId) throw err;
            attempt += 1;
            videoId = await submit(clip, say, attempt);
            await waitDone(videoId, onStatus);
          }
        } finally {
          slots.release();
        }
        say('downloading');
        const file = store.videoPath(clip.key);
        const { bytes } = await client.downloadVideo(videoId, file);
        let subtitles: string | undefined;
        let words: ClipEntry['words'];
        const srtFile = store.subtitlesPath(clip.key);
        try {
          await client.downloadSubtitles(videoId, srtFile);
          subtitles = store.relative(srtFile);
          words = wordsFromSrt(await readFile(srtFile, 'utf8'));
        } catch {
          // Subtitles are a nicety: a clip without them still renders (captions fall back to none).
          await rm(srtFile, { force: true });
        }
        const probe = await probeClip(file);
        await store.markComplete(clip.key, { videoId, bytes });
        await record(clip.key, {
          requestKey: clip.requestKey,
          generation: plan.generation,
          backend: plan.backend,
          videoId,
          file: store.relative(file),
          durationSec: probe.durationSec,
          fps: probe.fps,
          width: probe.width,
          height: probe.height,
          sizeBytes: (await stat(file)).size,
          subtitles,
          words: words?.length ? words : undefined,
          wordsSource: words?.length ? 'srt' : undefined,
          createdAt: new Date().toISOString(),
        });
        await journal.delete(clip.key);
        generated++;
        say('ready', `${probe.durationSec.toFixed(1)} s`);
      } catch (err) {
        if (err instanceof VideoFailedError) {
          // The same key would replay the failed video: the next run submits under the next attempt's key.
          const attempts = (journal.get(clip.key)?.attempts ?? 1) + 1;
          await journal.put(clip.key, { idempotencyKey: `clip-${clip.key}-${attempts}`, submittedAt: new Date().toISOString(), attempts });
        }
        const e = err as Error & { code?: string; failureCode?: string };
        const code = e.failureCode ?? e.code;
        failed.push({ key: clip.key, message: e.message, code });
        say('failed', `${code ? `${code}: ` : ''}${e.message}`);
      }
    }));
    await writing;
    return { ...base, ready: plan.clips.length - failed.length, generated, failed };
  } finally {
    await receiver?.close();
    await connection?.close();
    await release();
  }
}
